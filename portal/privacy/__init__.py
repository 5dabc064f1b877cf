from .pages import (  # noqa: F401
    document_is_visible,
    forget_groups,
    hidden_collection_paths,
    hidden_paths,
    hidden_paths_for_request,
    page_is_visible,
    public_pages,
    restriction_admits,
    user_group_ids,
    visible_pages,
    visible_q,
)
