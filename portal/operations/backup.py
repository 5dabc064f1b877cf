"""Backups: the database (pg_dump custom format) plus a tarball of MEDIA_ROOT.

``manage.py backup`` / ``make backup`` writes ``<to>/<YYYYmmdd-HHMMSS>/`` with
``database.dump`` (PostgreSQL: ``pg_dump --format=custom``; SQLite: a consistent copy made
with SQLite's online backup), ``media.tar.gz`` and ``manifest.json`` (time, engine, counts).
``manage.py restore <dir>`` / ``make restore BACKUP=<dir>`` loads it into the database of
``DATABASE_URL`` (or ``--database-url``) with ``pg_restore --clean --if-exists`` in one
transaction, and unpacks the media. Used by the management commands and by the tests.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import datetime
from pathlib import Path

import dj_database_url

from django.conf import settings
from django.db import connection

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore step failed; the message says which and why."""


def _is_postgres(db):
    return db["ENGINE"].endswith("postgresql")


def _pg_args(db):
    """Connection options for pg_dump/pg_restore, and the environment carrying the password."""
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command, env=None):
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client)")
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")
    return result


def _counts():
    from wagtail.models import GroupPagePermission, Page, PageViewRestriction, Revision

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "view_restrictions": PageViewRestriction.objects.count(),
        "group_page_permissions": GroupPagePermission.objects.count(),
    }


def backup(to, *, media_root=None):
    """Write a backup of the default database and ``media_root`` into a new folder of ``to``."""
    db = connection.settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    target = Path(to) / datetime.now().strftime("%Y%m%d-%H%M%S")
    if target.exists():
        raise BackupError(f"{target} exists already; wait a second and try again")
    target.mkdir(parents=True)
    try:
        if _is_postgres(db):
            args, env = _pg_args(db)
            _run(
                ["pg_dump", "--format=custom", *args, "--file", str(target / DUMP), db["NAME"]], env
            )
        elif db["ENGINE"].endswith("sqlite3"):
            connection.ensure_connection()
            with sqlite3.connect(target / DUMP) as copy:
                connection.connection.backup(copy)
        else:
            raise BackupError(f"no backup method for {db['ENGINE']}")
        with tarfile.open(target / MEDIA, "w:gz") as archive:
            if media_root.exists():
                archive.add(media_root, arcname="media")
        manifest = {
            "created": datetime.now().astimezone().isoformat(),
            "engine": db["ENGINE"],
            "database": str(db["NAME"]),
            "counts": _counts(),
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # never leave half a backup behind
        raise
    return target


def restore(source, *, database_url=None, media_root=None, restore_media=True):
    """Load the backup in ``source`` into ``database_url`` (default: the configured database)."""
    source = Path(source)
    manifest_path = source / MANIFEST
    if not manifest_path.exists():
        raise BackupError(f"{source} is not a backup folder (no {MANIFEST})")
    manifest = json.loads(manifest_path.read_text())
    db = dj_database_url.parse(database_url) if database_url else connection.settings_dict
    if _is_postgres(db) != manifest["engine"].endswith("postgresql"):
        raise BackupError(f"the backup is for {manifest['engine']}, the target is {db['ENGINE']}")
    if _is_postgres(db):
        args, env = _pg_args(db)
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                *args,
                "--dbname",
                db["NAME"],
                str(source / DUMP),
            ],
            env,
        )
    else:
        connection.close()
        shutil.copyfile(source / DUMP, db["NAME"])
    if restore_media:
        media_root = Path(media_root or settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / MEDIA, "r:gz") as archive:
            for member in archive.getmembers():
                if member.name == "media" or not member.name.startswith("media/"):
                    continue
                member.name = member.name.removeprefix("media/")
                archive.extract(member, media_root, filter="data")
    return manifest
