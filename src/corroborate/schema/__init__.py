"""The JSON Schema of the report (`corroborate.report/1`) and a validator that explains itself.

`validate_report` checks two things: the shape (the schema file that ships in the package, for
any program that reads our reports), and what a schema cannot say: every span lies inside the
text of the article it names, and every article, claim and source group a report refers to is
in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from corroborate.errors import CorroborateError

SCHEMA_FILE = "report.schema.json"
_MAX_LISTED = 10  # how many problems one error message lists before it says "and N more"


class ReportValidationError(CorroborateError):
    """A report does not follow `corroborate.report/1`. `problems` lists each one with its path."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:_MAX_LISTED])
        more = len(problems) - _MAX_LISTED
        tail = f"\n  ... and {more} more" if more > 0 else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(
            f"report is not a valid corroborate.report/1 ({len(problems)} {noun}):\n{listed}{tail}"
        )


def load_schema() -> dict[str, Any]:
    """The report's JSON Schema (draft 2020-12), as shipped in the package."""
    copy: dict[str, Any] = json.loads(json.dumps(_schema()))  # callers may change theirs freely
    return copy


@cache
def _schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return schema


@cache
def _validator() -> Draft202012Validator:
    # The schema with every $ref replaced by its definition: the same checks, a third faster
    # on large reports, because no reference is resolved while validating.
    schema = _schema()
    return Draft202012Validator(_inline(schema, schema["$defs"]))


def _inline(node: Any, defs: Mapping[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(defs[node["$ref"].removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline(value, defs) for value in node]
    return node


def validate_report(data: Mapping[str, Any], *, check_spans: bool = True) -> None:
    """Raise `ReportValidationError` naming every problem when `data` is not a valid report.

    `data` is the report as JSON data (`Report.to_dict()`, or a report file loaded with `json`).
    With `check_spans` (the default) offsets and references are checked against the articles too.
    """
    validator = _validator()
    problems = [
        f"{_path(error.absolute_path)}: {error.message}"
        for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path)))
    ]
    if not problems and check_spans:
        problems = list(_span_problems(data))
    if problems:
        raise ReportValidationError(problems)


def _path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _span_problems(data: Mapping[str, Any]) -> Iterator[str]:
    """Offsets outside their article, and references to articles or claims the report lacks."""
    lengths = {a["id"]: len(a["text"]) for a in data["articles"]}
    claim_ids = {c["id"] for c in data["claims"]}
    group_ids = {g["id"] for g in data["source_groups"]}
    for path, span in _spans(data):
        yield from _check_span(path, span, lengths)
    for path, article_id in _article_refs(data):
        if article_id not in lengths:
            yield f"{path}: article {article_id!r} is not in the report's articles"
    for i, sentence in enumerate(data["summary"]):
        for j, claim_id in enumerate(sentence["claims"]):
            if claim_id not in claim_ids:
                yield f"$.summary[{i}].claims[{j}]: claim {claim_id!r} is not in the report"
    for key in ("exclusive", "omitted"):
        for source, ids in data.get(key, {}).items():
            if source not in lengths and source not in group_ids:
                yield f"$.{key}.{source}: not an article or source group of the report"
            for index, claim_id in enumerate(ids):
                if claim_id not in claim_ids:
                    yield f"$.{key}.{source}[{index}]: claim {claim_id!r} is not in the report"


def _check_span(path: str, span: Mapping[str, Any], lengths: Mapping[str, int]) -> Iterator[str]:
    article = span["article"]
    length = lengths.get(article)
    if length is None:
        yield f"{path}: article {article!r} is not in the report's articles"
        return
    start, end = span["start"], span["end"]
    if not start <= end <= length:
        yield f"{path}: span {start}-{end} is not inside article {article!r} (length {length})"
    s_start, s_end = span.get("speaker_start"), span.get("speaker_end")
    if s_start is not None and s_end is not None and not s_start <= s_end <= length:
        yield f"{path}: speaker span {s_start}-{s_end} is not inside its article (length {length})"
    v_start, v_end = span.get("via_start"), span.get("via_end")
    if v_start is not None and v_end is not None and not v_start <= v_end <= length:
        yield f"{path}: via span {v_start}-{v_end} is not inside its article (length {length})"


def _spans(data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every span of the report, with its path; removed blocks name their article implicitly."""
    for i, article in enumerate(data["articles"]):
        for j, block in enumerate(article["removed"]):
            yield f"$.articles[{i}].removed[{j}]", {**block, "article": article["id"]}
        for j, para in enumerate(article.get("paragraphs", [])):
            yield f"$.articles[{i}].paragraphs[{j}]", {**para, "article": article["id"]}
    for key in ("claims", "quotes"):
        for i, item in enumerate(data[key]):
            for j, mention in enumerate(item["mentions"]):
                yield f"$.{key}[{i}].mentions[{j}]", mention
                for k, (start, end) in enumerate(mention.get("pieces", [])):
                    piece = {"article": mention["article"], "start": start, "end": end}
                    yield f"$.{key}[{i}].mentions[{j}].pieces[{k}]", piece
    for i, figure in enumerate(data["figures"]):
        for j, value in enumerate(figure["values"]):
            for k, mention in enumerate(value["mentions"]):
                yield f"$.figures[{i}].values[{j}].mentions[{k}]", mention
    for i, sentence in enumerate(data["summary"]):
        if {"article", "start", "end"} <= sentence.keys():
            yield f"$.summary[{i}]", sentence
    yield from _copy_spans(data)


def _copy_spans(data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Shared and borrowed passages: one span in the copy, one in the origin."""
    for i, group in enumerate(data["source_groups"]):
        for j, evidence in enumerate(group["evidence"]):
            for k, passage in enumerate(evidence["passages"]):
                path = f"$.source_groups[{i}].evidence[{j}].passages[{k}]"
                yield path, {**passage, "article": evidence["article"]}
                yield f"{path} (origin)", _origin_span(passage, evidence["origin"])
    for i, article in enumerate(data["articles"]):
        for j, passage in enumerate(article.get("borrowed", [])):
            path = f"$.articles[{i}].borrowed[{j}]"
            yield path, {**passage, "article": article["id"]}
            yield f"{path} (origin)", _origin_span(passage, passage["origin"])


def _origin_span(passage: Mapping[str, Any], origin: str) -> dict[str, Any]:
    return {"article": origin, "start": passage["origin_start"], "end": passage["origin_end"]}


def _article_refs(data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every article id the report refers to outside `articles[].id`, with its path."""
    for i, article in enumerate(data["articles"]):
        if article["copy_of"] is not None:
            yield f"$.articles[{i}].copy_of", article["copy_of"]
    for i, group in enumerate(data["source_groups"]):
        yield f"$.source_groups[{i}].origin", group["origin"]
        for j, member in enumerate(group["articles"]):
            yield f"$.source_groups[{i}].articles[{j}]", member
    for i, sentence in enumerate(data["summary"]):
        for j, cited in enumerate(sentence["articles"]):
            yield f"$.summary[{i}].articles[{j}]", cited
    for i, figure in enumerate(data["figures"]):
        for j, value in enumerate(figure["values"]):
            for k, cited in enumerate(value["articles"]):
                yield f"$.figures[{i}].values[{j}].articles[{k}]", cited
    for i, quote in enumerate(data["quotes"]):
        for j, variant in enumerate(quote["variants"]):
            for k, cited in enumerate(variant["articles"]):
                yield f"$.quotes[{i}].variants[{j}].articles[{k}]", cited
