"""The historian's web app and JSON API: ``memcon serve``.

:func:`memcon.web.app.create_app` builds a FastAPI application over one memcon database (read-only
unless a write token is configured).  Each module is one part of the site and holds both its HTML
pages (server-rendered Jinja2, working without JavaScript) and its ``/api`` routes:

- ``search_pages``: search with facets (``/``, ``/search``, ``/api/search``);
- ``documents``: the document reader (``/documents/{id}``, ``/api/documents/{id}``);
- ``volumes``: volume pages with their tables of contents, persons and terms;
- ``people``: person pages, name variants, roles, documents, statements, who met whom;
- ``meetings``: the meetings timeline and statements (``/meetings``, ``/api/meetings``, ``/api/statements``).

DOCS: docs/web.md
"""
