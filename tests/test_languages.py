"""The language tables: complete, free of clashes, and enough to tell a block's language."""

from __future__ import annotations

from datetime import datetime

import pytest

import cablethread
from cablethread.fields.subjects import parse_subject
from cablethread.lexicon.languages import block_language, detect_languages, label_fields, languages


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


def test_mixed_labels_take_the_language_holding_most() -> None:
    # Gmail's forward header: ``De :`` in the reader's language, the rest in English.
    assert block_language(["De", "Date", "Subject", "To", "Cc"]) == "en"
    # Apple Mail in Croatian prints ``Cc`` beside Croatian labels.
    assert block_language(["Šalje", "Predmet", "Datum", "Prima", "Cc"]) == "hr"
    assert block_language(["Reply-To"], ["fr"]) is None


@pytest.mark.parametrize(
    ("subject", "prefixes", "kinds"),
    [
        ("AW: WG: Budget", ["AW", "WG"], ["reply", "forward"]),
        ("TR: RE : Réunion", ["TR", "RE"], ["forward", "reply"]),
        ("RV: Reunión", ["RV"], ["forward"]),
        ("SV: Möte", ["SV"], ["reply"]),
        ("Antw: Doorst: Vergadering", ["ANTW", "DOORST"], ["reply", "forward"]),
        ("RIF: I: Riunione", ["RIF", "I"], ["reply", "forward"]),
        ("Odp: PD: Spotkanie", ["ODP", "PD"], ["reply", "forward"]),
        ("ENC: Reunião", ["ENC"], ["forward"]),
        ("回复：会议", ["回复"], ["reply"]),
        ("RE[2]: FW: Meeting", ["RE", "FW"], ["reply", "forward"]),
    ],
)
def test_reply_and_forward_prefixes_of_every_language(
    subject: str, prefixes: list[str], kinds: list[str]
) -> None:
    parsed = parse_subject(subject)
    assert (parsed.prefixes, parsed.prefix_kinds) == (prefixes, kinds)
    assert parsed.is_reply == ("reply" in kinds)
    assert parsed.is_forward == ("forward" in kinds)


def test_the_blocks_language_reads_a_prefix_two_languages_read_apart() -> None:
    # ``VS:`` is vidersendt (a forward) in Danish, vastaus (a reply) in Finnish.
    assert parse_subject("VS: Kokous", language="fi").prefix_kinds == ["reply"]
    assert parse_subject("VS: Møde", language="da").prefix_kinds == ["forward"]


FRENCH_BLOCK = (
    "De : Jean Dupont <jean.dupont@exemple.fr>\n"
    "Envoyé : jeudi 4 juillet 2019 05:26\n"
    "À : GENEVA\n"
    "Objet : TR: Lettre au Président\n"
)


def test_a_block_in_french_is_read_without_configuration() -> None:
    message = cablethread.parse(FRENCH_BLOCK).messages[0]
    assert message.header is not None and message.header.language == "fr"
    assert [f.label for f in message.header.fields] == ["De", "Envoyé", "À", "Objet"]
    assert message.sent_local == datetime(2019, 7, 4, 5, 26)
    assert message.subject is not None and message.subject.prefix_kinds == ["forward"]


def test_policy_languages_restrict_the_labels_read() -> None:
    assert cablethread.parse(FRENCH_BLOCK, cablethread.Policy(languages=("en",))).messages == []
    restricted = cablethread.parse(FRENCH_BLOCK, cablethread.Policy(languages=("fr",)))
    assert [m.sender.raw for m in restricted.messages if m.sender] == [
        "Jean Dupont <jean.dupont@exemple.fr>"
    ]


@pytest.mark.parametrize(
    ("block", "language", "separator"),
    [
        (
            "-----Ursprüngliche Nachricht-----\nVon: Max Muster\n"
            "Gesendet: Donnerstag, 28. Oktober 2021 12:46\nAn: Erika\nBetreff: AW: Termin\n",
            "de",
            "-----Ursprüngliche Nachricht-----",
        ),
        (
            "-----Message d'origine-----\nDe : Jean\nEnvoyé : jeudi 28 octobre 2021 12:46\n"
            "À : Marie\nObjet : RE : Réunion\n",
            "fr",
            "-----Message d'origine-----",
        ),
        (
            "-------- Mensaje reenviado --------\nAsunto: \tReunión\n"
            "Fecha: \tjueves, 28 de octubre de 2021, 12:46\nDe: \tAna\nPara: \tLuis\n",
            "es",
            "-------- Mensaje reenviado --------",
        ),
        (
            "差出人: 山田 <yamada@example.jp>\n送信日時: 2021年10月28日 12:46\n宛先: 佐藤\n件名: 会議\n",
            "ja",
            None,
        ),
    ],
)
def test_separators_and_labels_of_other_clients(
    block: str, language: str, separator: str | None
) -> None:
    message = cablethread.parse(block).messages[0]
    assert message.header is not None
    assert (message.header.language, message.header.separator) == (language, separator)
    assert message.sent_local == datetime(2021, 10, 28, 12, 46)


def test_unknown_policy_languages_are_refused_when_the_policy_is_made() -> None:
    with pytest.raises(ValueError, match="unknown language code"):
        cablethread.Policy(languages=("en", "xx"))
