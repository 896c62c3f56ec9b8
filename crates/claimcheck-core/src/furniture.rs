//! What is page furniture rather than article text, shared by the article reader (`html.rs`)
//! and the reader of fetched pages in claimcheck-retrieve, so both drop the same things.

/// Elements dropped with everything inside them.
pub const SKIPPED_ELEMENTS: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "template", "form",
    "button", "select", "svg", "iframe", "object", "canvas", "dialog", "head", "title", "menu",
    "textarea",
];

/// Words in a class or id that mark page furniture rather than article text.
pub const FURNITURE_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "advert",
    "promo",
    "newsletter",
    "subscribe",
    "paywall",
    "share",
    "social",
    "related",
    "breadcrumb",
    "sidebar",
    "comments",
    "skip-link",
];
