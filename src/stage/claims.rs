//! Claims: one per attributed proposition, with modality, hedges, relay, medium and time.

use crate::parse::Config;
use crate::Article;

/// Builds claims from the attributed quotes. (Placeholder: none yet.)
pub(crate) fn run(_config: &Config, _article: &mut Article<'_>) {}
