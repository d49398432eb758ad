//! The one error type of NewsLens's edges (files, JSON, DOM). Analysing text itself never fails.

use std::fmt;

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file or stream could not be read.
    Io,
    /// Input that is not what it should be (bad JSON line, bad date, bad flag).
    InvalidInput,
    /// The page has nothing that looks like text.
    NoArticle,
}

/// An error with its kind and a lowercase message that says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// A new error.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }
    /// Its kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// Its message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
