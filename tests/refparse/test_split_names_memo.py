"""`split_names` is cached; a caller that changes the names it got must not change what the
next caller gets."""

from __future__ import annotations

from citefmt.refparse.names import split_names


def test_cached_names_are_new_objects_at_each_call() -> None:
    statement = "Rigotti NA, Munafo MR, Stead LF"
    first = split_names(statement)
    expected = [dict(name) for name in first]
    first[0]["family"] = "Changed"
    first.append({"literal": "Someone"})
    second = split_names(statement)
    assert second == expected
    assert second is not first and second[0] is not first[0]
    assert [n.get("family") for n in second] == ["Rigotti", "Munafo", "Stead"]
