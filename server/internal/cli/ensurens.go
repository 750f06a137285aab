package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	urfave "github.com/urfave/cli/v2"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

// ensureNamespaceCommand registers a namespace through a running frontend
// (the internal-frontend in the chart's Job) unless it exists: the chart's
// namespace Job runs our server image instead of upstream's admin-tools.
func ensureNamespaceCommand() *urfave.Command {
	return &urfave.Command{
		Name:      "ensure-namespace",
		Usage:     "Wait for a frontend, then register a namespace unless it exists (idempotent; the chart's namespace Job)",
		ArgsUsage: " ",
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "address", Usage: "frontend host:port (the internal-frontend in a cluster: no token needed)"},
			&urfave.StringFlag{Name: "namespace", Aliases: []string{"n"}},
			&urfave.DurationFlag{Name: "retention", Value: 72 * time.Hour, Usage: "workflow retention (at least 1h)"},
			&urfave.StringFlag{Name: "history-archival-uri", Usage: "turn history archival on with this URI (e.g. s3://bucket)"},
			&urfave.StringFlag{Name: "visibility-archival-uri", Usage: "turn visibility archival on with this URI"},
			&urfave.DurationFlag{Name: "wait", Value: 5 * time.Minute, Usage: "how long to wait for the frontend to serve"},
		},
		Before: required("address", "namespace"),
		Action: func(c *urfave.Context) error {
			if c.NArg() > 0 {
				return urfave.Exit(fmt.Sprintf("ensure-namespace takes no arguments, got %q", c.Args().Slice()), 2)
			}
			if c.Duration("retention") < time.Hour {
				return urfave.Exit(fmt.Sprintf("--retention %s: Temporal's minimum is 1h", c.Duration("retention")), 2)
			}
			ctx, cancel := context.WithTimeout(c.Context, c.Duration("wait")+30*time.Second)
			defer cancel()
			msg, err := ensureNamespace(ctx, c.String("address"), c.Duration("wait"), &workflowservice.RegisterNamespaceRequest{
				Namespace:                        c.String("namespace"),
				WorkflowExecutionRetentionPeriod: durationpb.New(c.Duration("retention")),
				HistoryArchivalState:             archivalState(c.String("history-archival-uri")),
				HistoryArchivalUri:               c.String("history-archival-uri"),
				VisibilityArchivalState:          archivalState(c.String("visibility-archival-uri")),
				VisibilityArchivalUri:            c.String("visibility-archival-uri"),
			})
			if err != nil {
				return urfave.Exit(err.Error(), 1)
			}
			fmt.Fprintln(c.App.Writer, msg)
			return nil
		},
	}
}

func archivalState(uri string) enumspb.ArchivalState {
	if uri == "" {
		return enumspb.ARCHIVAL_STATE_UNSPECIFIED
	}
	return enumspb.ARCHIVAL_STATE_ENABLED
}

// ensureNamespace waits up to wait for the frontend's WorkflowService health
// check to say SERVING, then describes the namespace and registers it when
// it is not found. It returns what it did.
func ensureNamespace(ctx context.Context, addr string, wait time.Duration, req *workflowservice.RegisterNamespaceRequest) (string, error) {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return "", err
	}
	defer conn.Close()
	health := healthpb.NewHealthClient(conn)
	deadline := time.Now().Add(wait)
	for {
		hctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		resp, err := health.Check(hctx, &healthpb.HealthCheckRequest{Service: workflowservice.WorkflowService_ServiceDesc.ServiceName})
		cancel()
		if err == nil && resp.Status == healthpb.HealthCheckResponse_SERVING {
			break
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("the frontend at %s did not serve within %s: %v (status %v)", addr, wait, err, resp.GetStatus())
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(time.Second):
		}
	}
	wf := workflowservice.NewWorkflowServiceClient(conn)
	_, err = wf.DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: req.Namespace})
	var notFound *serviceerror.NamespaceNotFound
	switch {
	case err == nil:
		return fmt.Sprintf("namespace %q exists; left as it is", req.Namespace), nil
	case !errors.As(serviceerror.FromStatus(statusOf(err)), &notFound):
		return "", fmt.Errorf("describe namespace %q: %w", req.Namespace, err)
	}
	_, err = wf.RegisterNamespace(ctx, req)
	var exists *serviceerror.NamespaceAlreadyExists
	if err != nil && !errors.As(serviceerror.FromStatus(statusOf(err)), &exists) {
		return "", fmt.Errorf("register namespace %q: %w", req.Namespace, err)
	}
	return fmt.Sprintf("namespace %q registered (retention %s)", req.Namespace, req.WorkflowExecutionRetentionPeriod.AsDuration()), nil
}

// statusOf is the gRPC status of a client error.
func statusOf(err error) *status.Status {
	st, _ := status.FromError(err)
	return st
}
