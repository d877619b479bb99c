//! Errors counted by code: every answer, HTTP and gRPC, increments
//! `api_errors_total` with the catalog's labels; `describe` registers every
//! series at zero.

use error_code::grpc::GrpcReply;
use error_code::{ErrorCategory, ErrorCode, Reply};
use metrics_util::debugging::{DebugValue, DebuggingRecorder};

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    /// Pods
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Pod)]
pub enum PodError {
    /// Pod {name} not found
    #[code(2001, status = 404)]
    NotFound { name: String },
    /// Pod exists
    #[code(2003, status = 409)]
    Exists,
}

/// Each series' labels (sorted) and count.
fn counts(recorder: &DebuggingRecorder) -> Vec<(Vec<(String, String)>, u64)> {
    let mut out: Vec<_> = recorder
        .snapshotter()
        .snapshot()
        .into_vec()
        .into_iter()
        .filter(|(key, ..)| key.key().name() == "api_errors_total")
        .map(|(key, _, _, value)| {
            let mut labels: Vec<(String, String)> = key
                .key()
                .labels()
                .map(|l| (l.key().to_owned(), l.value().to_owned()))
                .collect();
            labels.sort();
            let DebugValue::Counter(count) = value else {
                panic!("a counter")
            };
            (labels, count)
        })
        .collect();
    out.sort();
    out
}

fn labels(code: &str, name: &str, status: &str) -> Vec<(String, String)> {
    vec![
        ("category".into(), "Pod".into()),
        ("code".into(), code.into()),
        ("name".into(), name.into()),
        ("status".into(), status.into()),
    ]
}

#[test]
fn http_and_grpc_answers_are_counted_with_catalog_labels() {
    let recorder = DebuggingRecorder::new();
    metrics::with_local_recorder(&recorder, || {
        error_code::metrics::describe::<PodError>();
        let error = PodError::NotFound { name: "web".into() };
        let _ = Reply::new(&error).to_response();
        let _ = Reply::new(&error).accept_language("en").to_response();
        let _ = GrpcReply::new(&error).into_status();
        // The body alone is no answer, and counts nothing.
        let _ = Reply::new(&error).to_json();
    });
    assert_eq!(
        counts(&recorder),
        [
            (labels("2001", "NotFound", "404"), 3),
            (labels("2003", "Exists", "409"), 0),
        ]
    );
}
