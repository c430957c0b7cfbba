//! Speakers: mentions linked into entities, pronouns resolved.

use crate::Article;

/// Links mentions into speakers. (Placeholder: none yet.)
pub(crate) fn run(_article: &mut Article<'_>) {}
