//! Claims: who asserted what, how, when and through whom.

use serde::{Deserialize, Serialize};

use crate::{QuoteId, SmallList, Span, SpeakerId};

/// What kind of speech act a claim's cue makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Modality {
    /// A plain statement (said, stated, wrote).
    Assertion,
    /// A question (asked, wondered).
    Question,
    /// A denial (denied, rejected).
    Denial,
    /// A warning (warned, cautioned).
    Warning,
    /// A hope or wish (hoped, expressed hope).
    Hope,
    /// A prediction (predicted, forecast, expected).
    Prediction,
    /// A promise or commitment (promised, vowed, pledged).
    Promise,
    /// An accusation (accused, alleged, charged).
    Accusation,
    /// An admission (admitted, acknowledged, conceded).
    Admission,
    /// A belief or opinion (believes, thinks).
    Belief,
}

impl Modality {
    /// The modality's name as used in JSON.
    ///
    /// ```
    /// assert_eq!(quotative::Modality::Hope.as_str(), "hope");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Assertion => "assertion",
            Self::Question => "question",
            Self::Denial => "denial",
            Self::Warning => "warning",
            Self::Hope => "hope",
            Self::Prediction => "prediction",
            Self::Promise => "promise",
            Self::Accusation => "accusation",
            Self::Admission => "admission",
            Self::Belief => "belief",
        }
    }
}

/// One attributed proposition (a direct quote split by its attribution is one claim).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Claim {
    /// Who made it, when known.
    pub speaker: Option<SpeakerId>,
    /// The mention naming the speaker at this claim.
    pub mention: Option<Span>,
    /// The cue (`said`, `expressed hope`).
    pub cue: Option<Span>,
    /// What was claimed.
    pub content: Span,
    /// The quotes that carry it.
    pub quotes: SmallList<QuoteId>,
    /// The kind of speech act, from the cue.
    pub modality: Modality,
    /// Whether the content is hedged (could, might, likely).
    pub hedged: bool,
    /// Whether the cue or the content is negated (did not say, denied).
    pub negated: bool,
    /// The outlet or party through which the speaker is reported (`Interfax` in `According to
    /// Interfax, Peskov said …`).
    pub relay: Option<Span>,
    /// The medium (`on Telegram`, `in a statement`, `told reporters`).
    pub medium: Option<Span>,
    /// Whom it was said to (`reporters`, `Reuters`).
    pub addressee: Option<Span>,
    /// A time expression next to the cue (`on Wednesday`, `In February`).
    pub time: Option<Span>,
    /// Sentences that comment on the claim's support (`He presented no evidence …`).
    pub evidence: SmallList<Span>,
}
