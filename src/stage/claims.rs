//! Claims: one per attributed proposition, with modality, hedges, relay, medium and time.

use crate::Article;

/// Builds claims from the attributed quotes. (Placeholder: none yet.)
pub(crate) fn run(_article: &mut Article<'_>) {}
