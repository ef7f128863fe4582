package dev.tagrouter.tagging;

/** What a canonical tag describes about a query. */
public enum TagCategory {
    TASK, DOMAIN, FORMAT, DIFFICULTY, LANGUAGE
}
