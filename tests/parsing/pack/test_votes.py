"""Recorded votes in the forms minutes write them: a block of sides with counts
over names, sides with a colon and the names on the same line, the counts on
one line, and the counts in a sentence. Invented examples."""

from __future__ import annotations

from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.votes import find_votes


def lines_of(text: str) -> list[PackLine]:
    rows = [row for row in text.strip().split("\n")]
    return [PackLine(n, n, row.strip(), gap=False) for n, row in enumerate(rows, 1)]


def test_sides_with_a_colon_and_the_names_beside_them() -> None:
    (vote,) = find_votes(
        lines_of(
            """
            The Mayor put the amendment to the vote:
            FOR: Councillors Akers, Bhatti and Carrick
            AGAINST: Councillors Doyle, Evans, Fry and Gill
            ABSTENTIONS: None
            The amendment was lost.
            """
        )
    )
    assert (vote.for_count, vote.against_count, vote.abstain_count) == (3, 4, 0)
    assert vote.for_names == ("Councillor Akers", "Councillor Bhatti", "Councillor Carrick")
    assert vote.carried is False
    assert vote.motion is not None and "amendment" in vote.motion


def test_counts_on_one_line_and_in_a_sentence() -> None:
    one_line, sentence = find_votes(
        lines_of(
            """
            On being put to the vote (For: 30, Against: 12, Abstentions: 2) the motion was carried.
            The recommendation was carried by 41 votes to 9, with no abstentions.
            """
        )
    )
    assert (one_line.for_count, one_line.against_count, one_line.abstain_count) == (30, 12, 2)
    assert one_line.carried is True and one_line.for_names == ()
    assert (sentence.for_count, sentence.against_count, sentence.abstain_count) == (41, 9, 0)
    assert sentence.carried is True


def test_a_sentence_that_opens_with_for_or_against_is_no_vote() -> None:
    assert (
        find_votes(
            lines_of(
                """
                For the year ahead, the Board will focus on carers.
                Against this background, the service was redesigned.
                """
            )
        )
        == []
    )


def test_votes_are_in_the_json_contract() -> None:
    """`assure inspect --json` gives each minute's recorded votes, field by field."""
    from pathlib import Path

    from assure.interfaces.contract import document_json
    from assure.pipeline import normalise, parse, process, read

    fixture = Path(__file__).parents[2] / "fixtures" / "committee_pack" / "printed"
    path = fixture / "thornvale-county-council-minutes-2025-03.txt"
    data = document_json(process(path, stages=(read, normalise, parse)))
    minutes = {m["number"]: m for m in data["meetings"][0]["minutes"]}
    (vote,) = minutes["214"]["votes"]
    assert (vote["for_count"], vote["against_count"], vote["abstain_count"]) == (12, 3, 1)
    assert vote["carried"] is True and vote["abstain_names"] == ["Mr Pickles"]
    assert vote["start_line"] > minutes["214"]["start_line"] and vote["motion"]
    assert minutes["216"]["votes"] == []
