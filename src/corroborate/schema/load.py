"""Reading a saved report back into records, so it can be rendered again in any format.

`load_report(json.load(f))` validates the data against the schema first, then builds the
records field by field from their type hints. Fields a newer writer added are ignored; fields
`to_dict()` leaves out (an article's sentences and meta) get their defaults.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from corroborate.records import Report
from corroborate.schema import validate_report


def load_report(data: Mapping[str, Any]) -> Report:
    """The `Report` that `data` (a `corroborate.report/1` document) describes."""
    validate_report(data)
    report: Report = _build(Report, data)
    return report


def _build(cls: Any, data: Mapping[str, Any]) -> Any:
    """An instance of the dataclass `cls` from its JSON data."""
    hints = _hints(cls)
    kwargs = {
        field.name: _convert(hints[field.name], data[field.name])
        for field in dataclasses.fields(cls)
        if field.name in data and field.init
    }
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if value is None:
        return None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if origin is list:
        (item,) = get_args(hint)
        return [_convert(item, v) for v in value]
    if origin is dict:
        _, item = get_args(hint)
        return {key: _convert(item, v) for key, v in value.items()}
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _convert(inner, value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # JSON may write 12000.0 as 12000
    return value  # str, int, bool, a Literal, or Any: as the JSON has it
