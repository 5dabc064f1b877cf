"""Demo workspaces: the steering group and the project groups, with their members."""

from portal.demo import demo_step, ensure_child, ensure_user

from .models import WorkspaceIndexPage, WorkspacePage

WORKSPACES = [
    (
        "lenkungsgruppe",
        "Lenkungsgruppe",
        "Zentrales Steuerungsgremium von KIM: legt Zielgruppen fest, gestaltet die Arbeit der "
        "Case Managerinnen und Case Manager, beruft Projektgruppen ein und trifft "
        "verbindliche Absprachen.",
        ["lenkung"],
    ),
    (
        "pg-kommunaler-raum",
        "PG Besonderheiten des kommunalen Raums",
        "Projektgruppe zu den Besonderheiten der zehn Städte im Kreis Mettmann.",
        [],
    ),
    (
        "pg-schnittstellen",
        "PG Interne Schnittstellen",
        "Projektgruppe zu Übergaben zwischen Jobcenter, Ausländerbehörde, Jugendamt und Sozialamt.",
        [],
    ),
    (
        "pg-beratungsstruktur",
        "PG Beratungsstruktur für Zugewanderte/Geflüchtete",
        "Projektgruppe zur Beratungslandschaft: wer berät wen, wo fehlen Angebote?",
        [],
    ),
    (
        "pg-sprachfoerderung",
        "PG Sprachförderung",
        "Projektgruppe zu Sprachförderung und Integrationskursen.",
        ["pg-sprache"],
    ),
]


@demo_step(order=30)
def demo_workspaces(context):
    index = ensure_child(
        context["home"],
        WorkspaceIndexPage,
        "gremien",
        title="Gremien",
        intro="Die Lenkungsgruppe steuert KIM; Projektgruppen bearbeiten einzelne Themen. "
        "Ihre Arbeitsräume sind nur für Mitglieder zugänglich.",
        show_in_menus=True,
    )
    context["workspaces"] = {}
    for slug, title, purpose, members in WORKSPACES:
        workspace = ensure_child(
            index,
            WorkspacePage,
            slug,
            title=title,
            purpose=purpose,
            body="Interne Arbeitsnotizen (Beispieldaten).",
        )
        for username in members:
            ensure_user(username, groups=[workspace.group.name])
        context["workspaces"][slug] = workspace
