{{/* Resource name: <release>-<suffix>. */}}
{{- define "ts.name" -}}
{{- printf "%s-%s" .root.Release.Name .suffix | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every resource; "component" names the part. */}}
{{- define "ts.labels" -}}
app.kubernetes.io/name: temporal-stack
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: temporal-stack
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "ts.selector" -}}
app.kubernetes.io/name: temporal-stack
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* image: repository:tag, the tag defaulting to <appVersion>-stack.local. */}}
{{- define "ts.image" -}}
{{- $tag := .image.tag | default (printf "%s-stack.local" .root.Chart.AppVersion) -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}

{{/* The token issuer the server trusts. */}}
{{- define "ts.issuer" -}}
{{- if .Values.auth.issuer -}}{{ .Values.auth.issuer }}{{- else if .Values.dex.enabled -}}{{ .Values.dex.issuer }}{{- end -}}
{{- end -}}

{{/* The upstream chart's service prefix: the release name if it contains "temporal", else <release>-temporal. */}}
{{- define "ts.temporalFullname" -}}
{{- if contains "temporal" .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- else -}}{{ printf "%s-temporal" .Release.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{/* The stores, with their schema: main, visibility and (dual) secondary visibility. */}}
{{- define "ts.stores" -}}
main: {database: {{ .Values.postgres.stores.main.database }}, size: {{ .Values.postgres.stores.main.size }}, schema: temporal, service: postgres-main}
visibility: {database: {{ .Values.postgres.stores.visibility.database }}, size: {{ .Values.postgres.stores.visibility.size }}, schema: visibility, service: postgres-visibility}
{{- if .Values.dualVisibility.enabled }}
secondary-visibility: {database: {{ .Values.postgres.stores.secondaryVisibility.database }}, size: {{ .Values.postgres.stores.secondaryVisibility.size }}, schema: visibility, service: postgres-secondary-visibility}
{{- end }}
{{- end -}}

{{/* A Secret value kept across upgrades: the live one if it exists, else a new random one. */}}
{{- define "ts.keepSecret" -}}
{{- $s := lookup "v1" "Secret" .root.Release.Namespace .name -}}
{{- if and $s $s.data (hasKey $s.data .key) -}}
{{- index $s.data .key | b64dec -}}
{{- else -}}
{{- randAlphaNum 24 -}}
{{- end -}}
{{- end -}}

{{- /*
A worker pod's ServiceAccount token for Temporal, projected by the kubelet and
rotated before it expires. In a worker Deployment (this chart as a dependency):
  volumes: [{{ include "temporal-stack.workerTokenVolume" . }}]
  containers[*].volumeMounts: [{{ include "temporal-stack.workerTokenMount" . }}]
and in the worker: workerauth.TokenFile(workerauth.DefaultServiceAccountTokenPath).
*/ -}}
{{- define "temporal-stack.workerTokenVolume" -}}
{{- /* The audience: this chart's auth.workloadIdentity.audience when included here, else the including chart's values or "temporal" (a parent chart has no auth key of its own). */ -}}
{{- $aud := "temporal" -}}
{{- with .Values.auth }}{{ with .workloadIdentity }}{{ with .audience }}{{ $aud = . }}{{ end }}{{ end }}{{ end -}}
{name: temporal-token, projected: {sources: [{serviceAccountToken: {path: token, audience: {{ $aud | quote }}, expirationSeconds: 3600}}]}}
{{- end }}
{{- define "temporal-stack.workerTokenMount" -}}
{name: temporal-token, mountPath: /var/run/secrets/temporal, readOnly: true}
{{- end }}

{{/* The URL browsers open the Web UI at: expose.uiURL, else the UI's NodePort on localhost (Docker Desktop). */}}
{{- define "ts.uiURL" -}}
{{- if .Values.expose.uiURL -}}{{ .Values.expose.uiURL | trimSuffix "/" }}{{- else if eq .Values.expose.type "NodePort" -}}{{ printf "http://localhost:%v" .Values.expose.nodePorts.ui }}{{- else -}}{{ fail "expose.type is ClusterIP: set expose.uiURL to the URL browsers open the Web UI at (its Ingress, e.g. https://temporal.example.com); the UI's SSO callback and Dex's redirect URI are built from it" }}{{- end -}}
{{- end -}}

{{/* The Web UI's env (a Secret: it holds the OIDC client secret); . is (dict "root" $ "clientSecret" S). Single sign-on through Dex when auth and Dex are on. */}}
{{- define "ts.webAuthSecret" -}}
{{- $root := .root -}}
{{- $url := include "ts.uiURL" $root -}}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "ts.name" (dict "root" $root "suffix" "web-auth") }}
  labels: {{- include "ts.labels" (dict "root" $root "component" "web") | nindent 4 }}
type: Opaque
stringData:
  TEMPORAL_DISABLE_NEWS_FETCH: "true"
  {{- if and $root.Values.auth.enabled $root.Values.dex.enabled }}
  TEMPORAL_AUTH_ENABLED: "true"
  TEMPORAL_AUTH_LABEL: Dex
  TEMPORAL_AUTH_TYPE: oidc
  TEMPORAL_AUTH_PROVIDER_URL: {{ $root.Values.dex.issuer | quote }}
  TEMPORAL_AUTH_CLIENT_ID: temporal-ui
  TEMPORAL_AUTH_CLIENT_SECRET: {{ .clientSecret | quote }}
  TEMPORAL_AUTH_CALLBACK_URL: {{ printf "%s/auth/sso/callback" $url | quote }}
  TEMPORAL_AUTH_SCOPES: openid,profile,email,groups,offline_access
  TEMPORAL_AUTH_REDIRECT_TO_PROVIDER: "true"
  TEMPORAL_CORS_ORIGINS: {{ $url | quote }}
  TEMPORAL_CSRF_COOKIE_INSECURE: {{ hasPrefix "http://" $url | toString | quote }}
  {{- else }}
  TEMPORAL_AUTH_ENABLED: "false"
  {{- end }}
{{- end -}}
