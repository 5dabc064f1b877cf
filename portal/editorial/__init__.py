"""The editors' side: roles and the publishing workflow, the freshness report.

- ``roles``: groups, permissions, the two-step workflow (used by data migrations)
- ``freshness``: what is stale, broken or incomplete (admin report, weekly digest)
"""
