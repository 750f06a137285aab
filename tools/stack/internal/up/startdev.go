package up

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/server/common/dynamicconfig"
	"gopkg.in/yaml.v3"

	_ "github.com/temporal-stack/stack/server/authz" // registers the Stack keys the server checks strictly
	"github.com/temporal-stack/stack/server/dynconfig"
)

// What "temporal server start-dev" users rely on, with auth kept: extra
// namespaces, custom search attributes, dynamic config values, a codec
// server for the UI, the log level and an in-memory stack.

// searchAttribute is one --search-attribute NAME=TYPE.
type searchAttribute struct {
	name string
	typ  enumspb.IndexedValueType
}

// parseSearchAttribute reads NAME=TYPE; TYPE is one of Temporal's indexed
// value types (Text, Keyword, Int, Double, Bool, Datetime, KeywordList),
// in any case, or its enum name (INDEXED_VALUE_TYPE_KEYWORD).
func parseSearchAttribute(v string) (searchAttribute, error) {
	name, typ, ok := strings.Cut(v, "=")
	if !ok || name == "" || typ == "" {
		return searchAttribute{}, fmt.Errorf("want NAME=TYPE, got %q", v)
	}
	t, err := enumspb.IndexedValueTypeFromString(typ)
	if err != nil {
		for short, n := range enumspb.IndexedValueType_shorthandValue {
			if strings.EqualFold(short, typ) {
				t, err = enumspb.IndexedValueType(n), nil
			}
		}
	}
	if err != nil || t == enumspb.INDEXED_VALUE_TYPE_UNSPECIFIED {
		return searchAttribute{}, fmt.Errorf("%s: type %q: want one of %s", name, typ, strings.Join(searchAttributeTypes(), ", "))
	}
	return searchAttribute{name: name, typ: t}, nil
}

func searchAttributeTypes() []string {
	var types []string
	for short, n := range enumspb.IndexedValueType_shorthandValue {
		if n != int32(enumspb.INDEXED_VALUE_TYPE_UNSPECIFIED) {
			types = append(types, short)
		}
	}
	sort.Strings(types)
	return types
}

// dynamicConfigValue is one --dynamic-config-value KEY=JSON.
type dynamicConfigValue struct {
	key   string
	value any
}

func parseDynamicConfigValue(v string) (dynamicConfigValue, error) {
	key, raw, ok := strings.Cut(v, "=")
	if !ok || key == "" {
		return dynamicConfigValue{}, fmt.Errorf("want KEY=JSON, got %q", v)
	}
	var value any
	if err := json.Unmarshal([]byte(raw), &value); err != nil {
		return dynamicConfigValue{}, fmt.Errorf("%s: the value %q is not JSON (a string needs quotes: %s='\"text\"'): %v", key, raw, key, err)
	}
	return dynamicConfigValue{key: key, value: value}, nil
}

// setDynamicConfigValues writes values into the dynamic config file at path
// (the live file the server watches): each key becomes "KEY: [{value: V}]",
// replacing the key's constrained values if it had any; the file's other
// keys and its comments stay. The result must load without an error or
// warning (a mistyped key or a wrongly typed value), else nothing is written.
func setDynamicConfigValues(path string, values []dynamicConfigValue) error {
	if len(values) == 0 {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if doc.Kind == 0 { // empty file
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping of keys at the top", path)
	}
	for _, v := range values {
		var entry yaml.Node
		if err := entry.Encode([]map[string]any{{"value": v.value}}); err != nil {
			return err
		}
		replaced := false
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == v.key {
				root.Content[i+1], replaced = &entry, true
			}
		}
		if !replaced {
			root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: v.key,
				HeadComment: "set by stack up --dynamic-config-value"}, &entry)
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	lr := dynconfig.Load(out.Bytes())
	if problems := errors.Join(append(lr.Errors, lr.Warnings...)...); problems != nil {
		return fmt.Errorf("--dynamic-config-value: the server would not accept it, %s is unchanged: %v", path, problems)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// logLevels are the server's log levels (Temporal's zap levels).
var logLevels = []string{"debug", "info", "warn", "error"}

// checkCodecEndpoint wants an absolute http(s) URL: the browser calls it.
func checkCodecEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--ui-codec-endpoint %q: want an http(s) URL of a codec server, e.g. http://127.0.0.1:8888", raw)
	}
	return nil
}

// checkNamespaces refuses names the server's --namespace cannot take.
func checkNamespaces(names []string) error {
	seen := map[string]bool{defaultNamespace: true}
	for _, n := range names {
		if n == "" || strings.ContainsAny(n, ", \t\n") {
			return fmt.Errorf("--namespace %q: want a name without commas or spaces", n)
		}
		if seen[n] {
			return fmt.Errorf("--namespace %s given twice (%s is always created)", n, defaultNamespace)
		}
		seen[n] = true
	}
	return nil
}

// registerSearchAttributes makes sure every namespace the stack creates has
// the custom search attributes. The ones the server created at this start
// have them already (it maps --search-attribute in new namespaces, so every
// service's cache has them at once); a namespace that existed gets them
// through the API, and the stack waits until the frontend knows them and
// every other service's namespace cache has refreshed.
func (s *stack) registerSearchAttributes(ctx context.Context) error {
	if len(s.o.searchAttributes) == 0 {
		return nil
	}
	attrs := map[string]enumspb.IndexedValueType{}
	for _, a := range s.o.searchAttributes {
		attrs[a.name] = a.typ
	}
	added := false
	for _, ns := range s.namespaces() {
		r, err := s.tc.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: ns})
		if err != nil {
			return fmt.Errorf("list the search attributes of namespace %s: %w", ns, err)
		}
		missing := map[string]enumspb.IndexedValueType{}
		for name, typ := range attrs {
			if r.GetCustomAttributes()[name] != typ {
				missing[name] = typ
			}
		}
		if len(missing) == 0 {
			continue
		}
		if _, err := s.tc.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
			Namespace: ns, SearchAttributes: missing}); err != nil {
			return fmt.Errorf("add search attributes %v to namespace %s: %w", sortedKeys(missing), ns, err)
		}
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err = waitSearchAttributes(wctx, s.tc, ns, attrs)
		cancel()
		if err != nil {
			return err
		}
		added = true
	}
	if added {
		// History and matching resolve the names through their own caches.
		refresh := dynamicconfig.NamespaceCacheRefreshInterval.Get(dynamicconfig.NewNoopCollection())()
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-time.After(refresh + refresh/2):
		}
	}
	fmt.Fprintf(s.out, "stack: search attributes %s in %s\n", strings.Join(sortedKeys(attrs), ", "), strings.Join(s.namespaces(), ", "))
	return nil
}

// waitSearchAttributes polls until the namespace lists attrs with their
// types and its queries accept each name, or ctx ends.
func waitSearchAttributes(ctx context.Context, c client.Client, ns string, attrs map[string]enumspb.IndexedValueType) error {
	for {
		r, err := c.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: ns})
		missing := []string{}
		for _, name := range sortedKeys(attrs) {
			if err != nil || r.GetCustomAttributes()[name] != attrs[name] {
				missing = append(missing, name)
				continue
			}
			_, qerr := c.WorkflowService().CountWorkflowExecutions(ctx, &workflowservice.CountWorkflowExecutionsRequest{
				Namespace: ns, Query: name + " = " + sampleValue(attrs[name])})
			if qerr != nil && strings.Contains(qerr.Error(), "no mapping defined") {
				missing, err = append(missing, name), qerr
			}
		}
		if len(missing) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("search attributes %v of namespace %s not listed after they were added (%v): %w", missing, ns, err, context.Cause(ctx))
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// sampleValue is a literal of the type, for a query that only has to parse.
func sampleValue(t enumspb.IndexedValueType) string {
	switch t {
	case enumspb.INDEXED_VALUE_TYPE_INT, enumspb.INDEXED_VALUE_TYPE_DOUBLE:
		return "0"
	case enumspb.INDEXED_VALUE_TYPE_BOOL:
		return "true"
	case enumspb.INDEXED_VALUE_TYPE_DATETIME:
		return "'2000-01-01T00:00:00Z'"
	}
	return "'x'"
}

// namespaces are the namespaces the stack creates: default, then --namespace's.
func (s *stack) namespaces() []string { return append([]string{defaultNamespace}, s.o.namespaces...) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
