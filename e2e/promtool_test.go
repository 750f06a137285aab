package e2e

// ourMetricPrefixes name the metrics Temporal Stack adds to /metrics.
var ourMetricPrefixes = []string{"stack_", "plaintext_payload_detected"}
