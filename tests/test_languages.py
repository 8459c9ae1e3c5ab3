"""The language tables: complete, free of clashes, and enough to tell a block's language."""

from __future__ import annotations

import pytest

from cablethread.languages import detect_languages, label_fields, languages


def test_at_least_twelve_languages_with_every_field() -> None:
    table = languages()
    required = {"en", "fr", "de", "es", "it", "pt", "nl", "da", "sv", "no", "fi", "pl"}
    assert required <= set(table)
    for language in table.values():
        assert all(language.labels[field] for field in ("from", "sent", "to", "subject"))
        assert sorted(set(language.months.values())) == list(range(1, 13))
        assert sorted(set(language.weekdays.values())) == list(range(7))


def test_no_label_names_two_fields() -> None:
    seen: dict[str, str] = {}
    for language in languages().values():
        for field, labels in language.labels.items():
            for label in labels:
                key = label.casefold()
                assert seen.setdefault(key, field) == field, (language.code, label)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["From", "Sent", "To", "Subject"], ["en"]),
        (["De", "Envoyé", "À", "Objet"], ["fr"]),
        (["Von", "Gesendet", "An", "Betreff"], ["de"]),
        (["De", "Enviado", "Para", "Asunto"], ["es"]),
        (["Da", "Inviato", "A", "Oggetto"], ["it"]),
        (["Van", "Verzonden", "Aan", "Onderwerp"], ["nl"]),
        (["Från", "Skickat", "Till", "Ämne"], ["sv"]),
        (["Od", "Wysłano", "Do", "Temat"], ["pl"]),
    ],
)
def test_a_block_language_is_told_by_its_labels(labels: list[str], expected: list[str]) -> None:
    assert detect_languages(labels) == expected


def test_shared_labels_keep_every_language() -> None:
    assert label_fields()["de"][0] == "from"
    assert {"fr", "es", "pt"} <= label_fields()["de"][1]


def test_restricting_languages() -> None:
    assert "von" not in label_fields(["en", "fr"])
    with pytest.raises(ValueError, match="unknown language code"):
        label_fields(["xx"])
