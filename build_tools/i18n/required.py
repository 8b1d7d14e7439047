"""The interface strings the tool's pages and templates use: every one must be in both
``site_config/i18n/`` files, or a page could not be made (``pipeline.settings`` checks
it, so that a site whose check passes also builds)."""

from __future__ import annotations

INTERFACE_STRINGS = frozenset({
    "active_actors", "actors", "affiliations", "aliases", "all_events", "archive", "article_count", "articles",
    "articles_between", "articles_of", "authors", "cite_accessed", "cited_by", "co_actors", "co_locations",
    "coordinates", "how_to_cite",
    "corrections", "description", "documents", "draft", "draft_banner", "draft_to_fill", "editor_note",
    "event_count", "events", "events_by_month", "events_by_year", "events_map", "events_showing", "events_unmapped",
    "fatalities", "feed", "filter_events", "footnote_back", "home", "in_other_language", "kind", "language_name",
    "latest_articles", "latitude", "list_separator", "locations", "longitude", "made_with", "map", "map_hint",
    "metadata", "month_unknown", "moved_text", "moved_title", "more_events", "name_ar", "name_en", "names",
    "next_in_index", "next_page",
    "no_articles", "not_found_text", "not_found_title", "open_data", "other_language_code", "page_of",
    "palette_to_dark", "palette_to_light", "palette_to_system", "part_of_place", "period_from", "period_to",
    "photo_credit", "places_inside", "previous_in_index", "previous_page", "published", "read_in_other_language",
    "reading_time_few", "reading_time_many", "reading_time_one", "reading_time_other", "reading_time_two",
    "reading_time_zero", "related", "reliability", "reliability_unrated", "reported_in", "scheduled_banner",
    "search",
    "search_count_few", "search_count_many", "search_count_one", "search_count_other", "search_count_two",
    "search_entities", "search_failed", "search_more", "search_needs_js", "search_none", "search_placeholder",
    "short_name", "side_a", "side_b", "skip_to_content", "sources", "tags", "timeline_by_year", "timeline_title",
    "translation_pending", "translation_pending_notice", "translation_stale_notice", "type", "untitled_draft",
    "updated", "via", "view_on_osm", "website", "wikidata", "zoom_in", "zoom_out",
})
