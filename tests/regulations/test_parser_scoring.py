"""Unit tests for parser.scoring."""

from registry.regulations.parser.scoring import field_correct, normalise_number, score


def labels(**overrides) -> dict:
    """A minimal label dict with every field null, overridden by keyword arguments."""
    base = dict.fromkeys(
        [
            "doc_kind",
            "issuer_region",
            "number",
            "year",
            "title_tentang",
            "amends",
            "revokes",
            "mengingat_count",
            "mengingat_first3",
            "pasal_count",
            "place_enacted",
            "date_enacted",
            "date_promulgated",
            "gazette",
        ]
    )
    base["is_amendment"] = False
    base.update(overrides)
    return base


def test_leading_zeros_dropped_from_numeric_numbers():
    """ "02" and "2" are the same number; "5/E" is compared as written."""
    assert normalise_number("02") == "2"
    assert normalise_number("0") == "0"
    assert normalise_number("5/E") == "5/E"


def test_tentang_compared_without_case_and_trailing_dot():
    """Titles differ only in case, spacing or a final dot are equal."""
    assert field_correct("title_tentang", "Pajak  Daerah.", "PAJAK DAERAH")


def test_revokes_compared_as_sets():
    """Revocation lists are compared regardless of order."""
    a = [{"kind": "PP", "number": "1", "year": 2000}, {"kind": "UU", "number": "2", "year": 2001}]
    assert field_correct("revokes", a, list(reversed(a)))


def test_null_equals_null():
    """Both null counts as correct."""
    assert field_correct("gazette", None, None)


def test_target_precision_and_recall():
    """Amends and revokes targets give precision and recall."""
    truth = labels(
        revokes=[{"kind": "PP", "number": "1", "year": 2000}, {"kind": "PP", "number": "2", "year": 2001}]
    )
    predicted = labels(
        revokes=[{"kind": "PP", "number": "1", "year": 2000}, {"kind": "PP", "number": "9", "year": 2009}]
    )
    targets = score([predicted], [truth])["targets"]
    assert (targets["tp"], targets["fp"], targets["fn"]) == (1, 1, 1)
    assert targets["precision_pct"] == 50.0 and targets["recall_pct"] == 50.0


def test_mengingat_positions():
    """mengingat_first3 is matched position by position."""
    uu = {"kind": "UU", "number": "12", "year": 2011}
    pp = {"kind": "PP", "number": "18", "year": 2016}
    truth = labels(mengingat_first3=[uu, pp])
    predicted = labels(mengingat_first3=[pp, pp])
    positions = score([predicted], [truth])["mengingat_first3_positions"]
    assert (positions["hit"], positions["truth"]) == (1, 2)


def test_field_accuracy():
    """Per-field accuracy counts equal fields over all documents."""
    result = score([labels(year=2020), labels(year=2021)], [labels(year=2020), labels(year=2020)])
    assert result["fields"]["year"]["accuracy_pct"] == 50.0


def test_field_precision_and_recall():
    """Each field's precision counts the values given, its recall the values labelled."""
    truths = [labels(number="5"), labels(number="7"), labels(number=None), labels(number="9")]
    predictions = [labels(number="05"), labels(number="8"), labels(number="3"), labels(number=None)]
    row = score(predictions, truths)["fields"]["number"]
    # Right: "05" == "5". Wrong value: "8". Invented: "3". Missed: "9".
    assert (row["predicted"], row["truth"], row["hit"]) == (3, 3, 1)
    assert row["precision_pct"] == 33.3 and row["recall_pct"] == 33.3
    assert row["accuracy_pct"] == 25.0


def test_field_precision_is_none_when_nothing_is_given():
    """A field the parser never fills has no precision (not zero, not a hundred)."""
    row = score([labels()], [labels(gazette={"series": "BERITA NEGARA", "year": 2017, "number": "1"})])
    assert row["fields"]["gazette"]["precision_pct"] is None
    assert row["fields"]["gazette"]["recall_pct"] == 0.0
