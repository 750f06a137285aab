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

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
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

// registerSearchAttributes adds the custom search attributes to every
// namespace the stack created (an attribute already there with the same
// type is kept).
func (s *stack) registerSearchAttributes(ctx context.Context) error {
	if len(s.o.searchAttributes) == 0 {
		return nil
	}
	attrs := map[string]enumspb.IndexedValueType{}
	for _, a := range s.o.searchAttributes {
		attrs[a.name] = a.typ
	}
	for _, ns := range s.namespaces() {
		_, err := s.tc.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
			Namespace: ns, SearchAttributes: attrs})
		if err != nil {
			return fmt.Errorf("add search attributes %v to namespace %s: %w", sortedKeys(attrs), ns, err)
		}
	}
	fmt.Fprintf(s.out, "stack: search attributes %s in %s\n", strings.Join(sortedKeys(attrs), ", "), strings.Join(s.namespaces(), ", "))
	return nil
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
