"""Tables that fit a phone (issue 15): the list drawn instead of a wide table says every value with its
column's name, and a value cannot break the list."""

from maturity.app import tables


def test_each_value_is_said_with_its_columns_name_and_empty_ones_are_left_out():
    rows = [{"Frage": "Wie unterstützt die Gemeinde lokale Geschäfte?", "Antwort": "Keine Daten.",
             "Wert (0 bis 1)": "0,00", "Beitrag (Punkte)": "0"},
            {"Frage": "Gesamt", "Antwort": "", "Wert (0 bis 1)": "", "Beitrag (Punkte)": "29"}]
    text = tables.rows_as_list(rows, "de")
    assert text == ("- **Wie unterstützt die Gemeinde lokale Geschäfte?**  \n  Antwort: Keine Daten.  \n"
                    "  Wert (0 bis 1): 0,00  \n  Beitrag (Punkte): 0\n"
                    "- **Gesamt**  \n  Beitrag (Punkte): 29")


def test_a_value_on_several_lines_stays_in_its_item():
    text = tables.rows_as_list([{"Gruppe": "Wallonie", "Quelle": "eine\n\n- Liste\nmehr"}], "de")
    assert text == "- **Wallonie**  \n  Quelle: eine - Liste mehr"



def test_french_puts_a_no_break_space_before_the_colon():
    text = tables.rows_as_list([{"Dimension": "Smart Living", "Votre score": "61", "Niveau": ""}], "fr")
    assert text == "- **Smart Living**  \n  Votre score\u00a0: 61"


def test_a_value_keeps_its_no_break_spaces_and_word_joiners():
    """« 48 % (38–59 %) » broke after « 48 » in the obstacles' list on a German phone: the list collapsed every
    space of a value, no-break ones too."""
    share = "48\u00a0% (38\u2060–\u206059\u00a0%)"
    text = tables.rows_as_list([{"Hemmnis": "Budget", "Kampagne": f"  {share}\n"}], "de")
    assert text == f"- **Budget**  \n  Kampagne: {share}"
