"""The state an amount of a nutrient names governs each nutrient listed after the first
(kg.ingest.states.distributed): "low levels of A, B and C" is the deficiency of each, in
every claim the first one's state takes part in. The sentences are invented for these
tests."""

from __future__ import annotations

from drafting import accept_all_and_validate, drafted

LISTED = """Absorption and the B vitamins

Poor absorption can lead to low levels of vitamin B12, folate and copper.
Low levels of vitamin D and depression often go together.
"""


def test_an_amount_names_the_state_of_each_nutrient_listed_after_it(runner, tmp_path):
    folder, candidates, _ = drafted(runner, tmp_path, "listed", LISTED)
    claims = {(c["subject"], c["predicate"], c["object"]): c for c in candidates}
    for nutrient in ("folate", "copper"):
        state = claims[("poor-absorption", "causes", f"{nutrient}-deficiency")]
        assert state["object_text"] == nutrient
        named = [c for c in candidates if c["subject"] == f"{nutrient}-deficiency"]
        assert [c["predicate"] for c in named] == ["deficiencyOf"]
    # the list ends at its first item that is no nutrient: depression is no state of one
    assert not any("depression-deficiency" in (c["subject"], c["object"]) for c in candidates)
    accept_all_and_validate(runner, folder)


EXCESS = """Too much of a mineral

Lead poisoning can damage the nerves of children.
Iron overload is rare, and too much zinc causes nausea.
A beta-carotene deficiency is unusual.
"""


def test_a_condition_named_as_an_excess_is_the_elevated_level_of_its_chemical(runner, tmp_path):
    folder, candidates, _ = drafted(runner, tmp_path, "excess", EXCESS)
    named = {
        (c["subject_text"], c["predicate"], c["object_text"])
        for c in candidates
        if c["cue"].startswith("named:")
    }
    assert ("Lead poisoning", "elevatedLevelOf", "Lead") in named
    assert ("Iron overload", "elevatedLevelOf", "Iron") in named
    # an amount names no condition of its own ("too much zinc" is said by what it does)
    assert not any(s.casefold() == "too much zinc" for s, _, _ in named)
    # the substance the state's name holds, not the words inside that name
    deficient = {o for s, p, o in named if p == "deficiencyOf"}
    assert deficient == {"beta-carotene"}
    accept_all_and_validate(runner, folder)
