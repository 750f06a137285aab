package install

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/storage/driver"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/tools/stack/internal/cli"
	"github.com/temporal-stack/stack/tools/stack/internal/images"
)

const teardownUsage = `usage: go run ./tools/stack teardown [flags]

Removes what install created: the release, the dynamic-config ConfigMap the
release keeps on uninstall, the volumes of its databases, Dex and MinIO
(their data is lost), and the namespace; and our images from a local Docker
daemon unless --keep-images.

flags:
`

// RunTeardown parses the flags of "teardown" and removes the stack.
func RunTeardown(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := cli.NewFlagSet("teardown", teardownUsage)
	var o Options
	o.Register(fs.FlagSet)
	keepImages := fs.Bool("keep-images", false, "keep our images in the local Docker daemon")
	keepNamespace := fs.Bool("keep-namespace", false, "keep the namespace")
	if err := fs.Parse(args, 0); err != nil {
		return err
	}
	c, err := connect(o, out)
	if err != nil {
		return err
	}
	un := action.NewUninstall(c.helm)
	un.Wait, un.Timeout = true, 5*time.Minute
	if _, err := un.Run(o.Release); errors.Is(err, driver.ErrReleaseNotFound) {
		fmt.Fprintf(out, "stack: no release %s in namespace %s\n", o.Release, o.Namespace)
	} else if err != nil {
		return fmt.Errorf("helm uninstall %s: %w", o.Release, err)
	} else {
		fmt.Fprintf(out, "stack: release %s uninstalled\n", o.Release)
	}
	// What Helm leaves on purpose: the kept ConfigMap and the StatefulSets' volumes.
	cm := o.Release + "-dynamic-config"
	if err := c.client.CoreV1().ConfigMaps(o.Namespace).Delete(ctx, cm, metav1.DeleteOptions{}); err == nil {
		fmt.Fprintf(out, "stack: deleted ConfigMap %s (kept by the release on uninstall)\n", cm)
	} else if !apierrors.IsNotFound(err) {
		return err
	}
	sel := metav1.ListOptions{LabelSelector: "app.kubernetes.io/instance=" + o.Release}
	pvcs, err := c.client.CoreV1().PersistentVolumeClaims(o.Namespace).List(ctx, sel)
	if err != nil {
		return err
	}
	for _, p := range pvcs.Items {
		if err := c.client.CoreV1().PersistentVolumeClaims(o.Namespace).Delete(ctx, p.Name, metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
			return err
		}
		fmt.Fprintf(out, "stack: deleted volume claim %s\n", p.Name)
	}
	if !*keepNamespace && o.Namespace != "default" && o.Namespace != "kube-system" {
		err := c.client.CoreV1().Namespaces().Delete(ctx, o.Namespace, metav1.DeleteOptions{})
		if err != nil && !apierrors.IsNotFound(err) {
			return err
		}
		fmt.Fprintf(out, "stack: deleting namespace %s...\n", o.Namespace)
		deadline := time.Now().Add(3 * time.Minute)
		for {
			_, err := c.client.CoreV1().Namespaces().Get(ctx, o.Namespace, metav1.GetOptions{})
			if apierrors.IsNotFound(err) {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("namespace %s still terminating after 3 min: kubectl get namespace %s -o yaml shows what holds it", o.Namespace, o.Namespace)
			}
			time.Sleep(time.Second)
		}
		fmt.Fprintf(out, "stack: namespace %s deleted\n", o.Namespace)
	}
	if !*keepImages {
		if err := images.Remove(ctx, out); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "stack: teardown complete.")
	return nil
}
