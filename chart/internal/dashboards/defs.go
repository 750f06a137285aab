package dashboards

// Temporal's metrics are exported through tally: counters have no _total
// suffix and histograms are in seconds. Ours (stack_*, plaintext_*) follow
// Prometheus naming.
const (
	ns       = `namespace=~"$namespace"`
	frontend = `service_name="frontend", ` + ns
	// longPolls are the frontend calls that wait by design; the alert rules
	// exclude the same set.
	longPolls = `operation!~"Poll.*|GetWorkflowExecutionHistory|UpdateWorkflowExecution|PollWorkflowExecutionUpdate"`
	rate      = `[$__rate_interval]`
)

// hostStates are DeepHealthCheck's states as the poller and host_health report them.
var hostStates = map[int][2]string{0: {"UNKNOWN", "orange"}, 1: {"SERVING", "green"}, 2: {"NOT SERVING", "red"},
	3: {"DECLINED SERVING", "red"}, 4: {"INTERNAL ERROR", "red"}}

func serverOverview() Dashboard {
	return dashboard("temporal-stack-server", "Temporal Stack / Server overview",
		"Frontend, persistence, authorization, payload and dynamic-config health of the Temporal Stack server.",
		row{6, 4, []Panel{
			stat("Frontend requests/s", "reqps", "", `sum(rate(service_requests{`+frontend+`}`+rate+`))`),
			stat("Frontend error ratio", "percentunit", "",
				`sum(rate(service_error_with_type{`+frontend+`}`+rate+`)) / sum(rate(service_requests{`+frontend+`}`+rate+`))`).
				thresholds(Step{"green", nil}, Step{"red", at(0.05)}),
			stat("Dynamic config generation", "none", "{{source}}", `max by (source) (stack_dynamic_config_generation)`).
				describe("Increments on every accepted dynamic-config change."),
			stat("Dynamic config invalid", "none", "{{source}}", `max by (source) (stack_dynamic_config_invalid)`).
				describe("1 while the current source fails to parse; the server keeps the last good values.").
				states(map[int][2]string{0: {"OK", "green"}, 1: {"INVALID", "red"}}),
		}},
		row{12, 8, []Panel{
			timeseries("Frontend requests by operation", "reqps", "{{operation}}",
				`sum by (operation) (rate(service_requests{`+frontend+`}`+rate+`))`),
			timeseries("Frontend errors by operation and type", "reqps", "{{operation}} {{error_type}}",
				`sum by (operation, error_type) (rate(service_error_with_type{`+frontend+`}`+rate+`))`),
			timeseries("Frontend latency p50 (excluding long polls)", "s", "{{operation}}",
				`histogram_quantile(0.5, sum by (le, operation) (rate(service_latency_bucket{`+frontend+`, `+longPolls+`}`+rate+`)))`),
			timeseries("Frontend latency p99 (excluding long polls)", "s", "{{operation}}",
				`histogram_quantile(0.99, sum by (le, operation) (rate(service_latency_bucket{`+frontend+`, `+longPolls+`}`+rate+`)))`),
			timeseries("Persistence requests by operation", "reqps", "{{operation}}",
				`sum by (operation) (rate(persistence_requests{`+ns+`}`+rate+`))`),
			timeseries("Persistence latency p99", "s", "{{operation}}",
				`histogram_quantile(0.99, sum by (le, operation) (rate(persistence_latency_bucket{`+ns+`}`+rate+`)))`),
			timeseries("Persistence errors by operation and type", "reqps", "{{operation}} {{error_type}}",
				`sum by (operation, error_type) (rate(persistence_error_with_type{`+ns+`}`+rate+`))`).
				describe("Includes expected outcomes (NotFound, ConditionFailed); the alert rule excludes them."),
			timeseries("Task schedule-to-start p99", "s", "{{task_type}}",
				`histogram_quantile(0.99, sum by (le, task_type) (rate(task_schedule_to_start_latency_bucket{`+ns+`}`+rate+`)))`).
				describe("Time workflow and activity tasks wait for a worker: high means too few workers."),
			timeseries("Authorization decisions", "reqps", "{{decision}} {{reason}}",
				`sum by (decision, reason) (rate(stack_authz_decisions_total`+rate+`))`),
			timeseries("Plaintext payloads by namespace and API", "short", "{{namespace}} {{api}}",
				`sum by (namespace, api) (rate(plaintext_payload_detected_total{`+ns+`}`+rate+`))`).
				describe("Payloads that reached the frontend unencrypted (observe only; configure a codec to encrypt)."),
		}},
	)
}

func historyHealth() Dashboard {
	return dashboard("temporal-stack-history", "Temporal Stack / History health",
		"History hosts as the health poller sees them (DeepHealthCheck through internal-frontend) and history's own task metrics.",
		row{8, 4, []Panel{
			stat("History hosts in the ring", "none", "", `max(stack_poller_history_hosts)`).
				thresholds(Step{"red", nil}, Step{"green", at(1)}),
			stat("Time since last successful poll", "s", "", `time() - max(stack_poller_last_success_timestamp_seconds)`).
				thresholds(Step{"green", nil}, Step{"red", at(120)}),
			stat("Shards owned", "none", "", `sum(numshards_gauge{service_name="history"})`),
		}},
		row{12, 8, []Panel{
			timeseries("History host state (poller)", "none", "{{host}}", `max by (host) (stack_poller_history_host_state)`).
				states(hostStates),
			timeseries("History host_health (server)", "none", "{{instance}}", `max by (instance) (host_health{service_name="history"})`).
				describe("Emitted by history itself when DeepHealthCheck runs.").states(hostStates),
			timeseries("Poll rounds by result", "ops", "{{result}}", `sum by (result) (rate(stack_poller_polls_total`+rate+`))`),
			timeseries("Poll round duration p99", "s", "p99",
				`histogram_quantile(0.99, sum by (le) (rate(stack_poller_poll_duration_seconds_bucket`+rate+`)))`),
			timeseries("History task latency p99 by task type", "s", "{{task_type}}",
				`histogram_quantile(0.99, sum by (le, task_type) (rate(task_latency_bucket{service_name="history", `+ns+`}`+rate+`)))`),
			timeseries("History tasks by task type", "ops", "{{task_type}}",
				`sum by (task_type) (rate(task_requests{service_name="history", `+ns+`}`+rate+`))`),
			timeseries("History API latency p99", "s", "{{operation}}",
				`histogram_quantile(0.99, sum by (le, operation) (rate(service_latency_bucket{service_name="history"}`+rate+`)))`),
			timeseries("History API errors by type", "reqps", "{{operation}} {{error_type}}",
				`sum by (operation, error_type) (rate(service_error_with_type{service_name="history"}`+rate+`))`),
		}},
	)
}
