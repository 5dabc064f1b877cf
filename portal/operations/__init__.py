"""Running the portal: backups, the cron heartbeat, the dependency audit, logging, checks.

- ``backup``: ``manage.py backup`` / ``restore``
- ``heartbeat``: when ``publish_scheduled`` last ran (``/healthz/scheduled``)
- ``depaudit``: ``python -m portal.operations.depaudit`` (``make audit``)
- ``logfilters``: filters named in ``settings.LOGGING``
- ``checks``: system checks (machine translation on or off, the site's address)
"""
