import logging


def test_a_repeated_weasyprint_warning_is_printed_once(caplog):
    weasyprint = logging.getLogger("weasyprint")
    with caplog.at_level(logging.WARNING):
        for font in ["DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"]:
            weasyprint.warning("Test only: no HarfBuzz-Subset for font %s.", font)
        weasyprint.warning("Test only: another warning.")
    messages = [r.getMessage() for r in caplog.records if r.name == "weasyprint"]
    assert messages == [
        "Test only: no HarfBuzz-Subset for font DejaVu Sans.",
        "Test only: another warning.",
    ]
