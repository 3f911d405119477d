"""Plan periods and bare years are kept apart from calendar dates."""
from __future__ import annotations

import pytest

from castdoc.pipeline import parse_text

CASES = [
    ("为“十四五”时期科协事业发展提供指南。", ("“十四五”",)),
    ("贯彻落实十四五规划纲要。", ("“十四五”",)),
    ("结合《五年工作规划(2019-2023年)》逐条落实。", ("2019-2023年",)),
    ("开展2024年度优秀论文评选，总结2023年工作。", ("2024年度", "2023年")),
    ("请于2024年5月20日前报送。", ()),
    ("2024年10月至12月开展活动。", ()),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_periods(text, expected):
    (rec,) = parse_text(text)
    assert rec.periods == expected
    assert not any(p in {d.mention.text for d in rec.dates} for p in expected)
