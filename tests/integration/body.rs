//! The body of a parsed article: its paragraphs without the headline (paragraph 0 when the
//! article has one).

use quotative::{Article, Paragraph};

/// The body's paragraphs.
pub(crate) fn paragraphs<'a>(article: &'a Article<'_>) -> Vec<&'a Paragraph> {
    article
        .paragraphs()
        .iter()
        .filter(|p| !p.headline)
        .collect()
}

/// The text of each of the body's paragraphs.
pub(crate) fn texts<'a>(article: &'a Article<'_>) -> Vec<&'a str> {
    paragraphs(article)
        .into_iter()
        .map(|p| article.slice(p.span))
        .collect()
}
