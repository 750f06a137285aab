package authz

// workerAPIs is everything an SDK worker calls, and all a worker-only role
// may call: polling and answering tasks, heartbeats, the history fetch of a
// non-sticky workflow task, and the namespace describe SDKs make at start-up
// (GetSystemInfo is a health-check API, always allowed). Kept explicit:
// authorizer_test.go checks each name against the WorkflowService.
var workerAPIs = map[string]bool{
	"DescribeNamespace":            true,
	"GetWorkflowExecutionHistory":  true,
	"PollWorkflowTaskQueue":        true,
	"RespondWorkflowTaskCompleted": true,
	"RespondWorkflowTaskFailed":    true,
	"RespondQueryTaskCompleted":    true,
	"ResetStickyTaskQueue":         true,
	"PollActivityTaskQueue":        true,
	"RecordActivityTaskHeartbeat":  true,
	"RespondActivityTaskCompleted": true,
	"RespondActivityTaskFailed":    true,
	"RespondActivityTaskCanceled":  true,
	"PollNexusTaskQueue":           true,
	"RespondNexusTaskCompleted":    true,
	"RespondNexusTaskFailed":       true,
	"RecordWorkerHeartbeat":        true,
	"FetchWorkerConfig":            true,
	"ShutdownWorker":               true,
}
