"""Backup and restore round trip: view restrictions, permissions, revisions and files survive.

``manage.py backup`` dumps the test database; ``manage.py restore`` loads it into a fresh
database (PostgreSQL: ``createdb`` of a temporary name; SQLite: a new file); the same SQL
snapshot of the security-relevant tables must come back identical.
"""

import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, GroupPagePermission, PageViewRestriction

from home.factories import ContentPageFactory

# Data migrations (locales, Wagtail's groups) must be there again for later tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SNAPSHOT = {
    "restrictions": """
        SELECT p.url_path, r.restriction_type, g.name
        FROM wagtailcore_pageviewrestriction r
        JOIN wagtailcore_page p ON p.id = r.page_id
        LEFT JOIN wagtailcore_pageviewrestriction_groups rg ON rg.pageviewrestriction_id = r.id
        LEFT JOIN auth_group g ON g.id = rg.group_id
        ORDER BY 1, 2, 3""",
    "page_permissions": """
        SELECT g.name, p.url_path, perm.codename
        FROM wagtailcore_grouppagepermission gp
        JOIN auth_group g ON g.id = gp.group_id
        JOIN wagtailcore_page p ON p.id = gp.page_id
        JOIN auth_permission perm ON perm.id = gp.permission_id
        ORDER BY 1, 2, 3""",
    "collection_restrictions": """
        SELECT c.name, g.name
        FROM wagtailcore_collectionviewrestriction r
        JOIN wagtailcore_collection c ON c.id = r.collection_id
        JOIN wagtailcore_collectionviewrestriction_groups rg
          ON rg.collectionviewrestriction_id = r.id
        JOIN auth_group g ON g.id = rg.group_id
        ORDER BY 1, 2""",
    "memberships": """
        SELECT u.username, g.name FROM auth_user_groups ug
        JOIN auth_user u ON u.id = ug.user_id JOIN auth_group g ON g.id = ug.group_id
        ORDER BY 1, 2""",
    "revisions": """
        SELECT object_id, COUNT(*), MAX(id) FROM wagtailcore_revision
        GROUP BY object_id ORDER BY object_id""",
    "documents": "SELECT title, file FROM wagtaildocs_document ORDER BY 1",
}


def _snapshot(cursor):
    result = {}
    for name, sql in SNAPSHOT.items():
        cursor.execute(sql)
        result[name] = [tuple(row) for row in cursor.fetchall()]
    return result


@pytest.fixture
def content(home, workspace_a, users, tmp_path, settings):
    """A restricted page with three revisions, a group permission and a private file."""
    settings.MEDIA_ROOT = tmp_path / "media"
    page = ContentPageFactory(parent=home, title="Intern", slug="intern")
    for number in range(3):
        page.title = f"Intern, Fassung {number}"
        page.save_revision()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Editors"),
        page=page,
        permission=Permission.objects.get(codename="publish_page"),
    )
    document = get_document_model()(title="Protokoll", collection=workspace_a.collection)
    document.file.save("protokoll.pdf", ContentFile(b"%PDF-1.4\n% GEHEIM-7731\n"), save=False)
    document.save()
    with connection.cursor() as cursor:
        before = _snapshot(cursor)
    assert before["restrictions"] and before["page_permissions"] and before["memberships"]
    assert any(count >= 3 for _id, count, _max in before["revisions"])
    return before, document


def _restored_media_has(document, media_root):
    return (Path(media_root) / document.file.name).read_bytes().endswith(b"GEHEIM-7731\n")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore need PostgreSQL")
def test_postgres_round_trip_into_a_fresh_database(content, tmp_path):
    before, document = content
    call_command("backup", "--to", str(tmp_path / "backups"))
    [target] = (tmp_path / "backups").iterdir()
    assert {p.name for p in target.iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}

    db = connection.settings_dict
    fresh = f"kim_restore_{uuid.uuid4().hex[:8]}"
    host = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    subprocess.run(["createdb", *host, fresh], check=True)
    try:
        url = f"postgres://{db['USER']}@{host[1]}:{host[3]}/{fresh}"
        restored_media = tmp_path / "restored-media"
        call_command(
            "restore",
            str(target),
            "--database-url",
            url,
            "--media-root",
            str(restored_media),
            "--yes",
        )
        import psycopg

        with psycopg.connect(
            f"dbname={fresh} host={host[1]} port={host[3]} user={db['USER']}"
        ) as conn:
            after = _snapshot(conn.cursor())
            cursor = conn.execute("SELECT extname FROM pg_extension ORDER BY 1")
            extensions = {row[0] for row in cursor.fetchall()}
        assert after == before
        assert {"unaccent", "pg_trgm"} <= extensions  # the search set-up came along
        assert _restored_media_has(document, restored_media)
        # Restoring again over the now non-empty database works too (--clean).
        call_command("restore", str(target), "--database-url", url, "--no-media", "--yes")
    finally:
        subprocess.run(["dropdb", *host, "--if-exists", fresh], check=True)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite variant of the round trip")
def test_sqlite_round_trip_into_a_fresh_file(content, tmp_path):
    before, document = content
    call_command("backup", "--to", str(tmp_path / "backups"))
    [target] = (tmp_path / "backups").iterdir()
    fresh = tmp_path / "restored.sqlite3"
    call_command(
        "restore",
        str(target),
        "--database-url",
        f"sqlite:///{fresh}",
        "--media-root",
        str(tmp_path / "restored-media"),
        "--yes",
    )
    with sqlite3.connect(fresh) as conn:
        assert _snapshot(conn.cursor()) == before
    assert _restored_media_has(document, tmp_path / "restored-media")


def test_restore_needs_confirmation_and_a_backup_folder(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path))
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path), "--yes")
