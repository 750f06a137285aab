package node

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	corev1 "k8s.io/api/core/v1"
	storagev1 "k8s.io/api/storage/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/sig-storage-lib-external-provisioner/v13/controller"
)

const (
	// StorageClass is the node's default StorageClass: every claim of it
	// gets a directory of the node's own, mounted as a hostPath volume.
	StorageClass = "standard"
	provisioner  = "stack.local/node-directory"
)

// directoryProvisioner provisions a directory under root per volume.
// Directories are world-writable, as on kind's local-path storage: a
// hostPath volume gets no fsGroup ownership change, and pods run as
// arbitrary non-root users (Dex 1001, PostgreSQL 999).
type directoryProvisioner struct{ root string }

func (p directoryProvisioner) Provision(_ context.Context, o controller.ProvisionOptions) (*corev1.PersistentVolume, controller.ProvisioningState, error) {
	dir := filepath.Join(p.root, o.PVName)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, controller.ProvisioningFinished, err
	}
	if err := os.Chmod(dir, 0o777); err != nil { // not narrowed by the umask
		return nil, controller.ProvisioningFinished, err
	}
	size, ok := o.PVC.Spec.Resources.Requests[corev1.ResourceStorage]
	if !ok {
		return nil, controller.ProvisioningFinished, fmt.Errorf("claim %s/%s requests no storage", o.PVC.Namespace, o.PVC.Name)
	}
	hostPathType := corev1.HostPathDirectory
	return &corev1.PersistentVolume{
		ObjectMeta: metav1.ObjectMeta{Name: o.PVName},
		Spec: corev1.PersistentVolumeSpec{
			PersistentVolumeReclaimPolicy: *o.StorageClass.ReclaimPolicy,
			AccessModes:                   o.PVC.Spec.AccessModes,
			Capacity:                      corev1.ResourceList{corev1.ResourceStorage: size},
			PersistentVolumeSource:        corev1.PersistentVolumeSource{HostPath: &corev1.HostPathVolumeSource{Path: dir, Type: &hostPathType}},
		},
	}, controller.ProvisioningFinished, nil
}

func (p directoryProvisioner) Delete(_ context.Context, pv *corev1.PersistentVolume) error {
	if pv.Spec.HostPath == nil || filepath.Dir(pv.Spec.HostPath.Path) != p.root {
		return fmt.Errorf("volume %s is not one of %s", pv.Name, p.root)
	}
	return os.RemoveAll(pv.Spec.HostPath.Path)
}

// startProvisioner creates the default StorageClass and runs its
// provisioner (sig-storage-lib-external-provisioner) until stop.
func (n *Node) startProvisioner() {
	n.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	n.stopProvisioner = cancel
	del := corev1.PersistentVolumeReclaimDelete
	immediate := storagev1.VolumeBindingImmediate
	sc := &storagev1.StorageClass{ObjectMeta: metav1.ObjectMeta{Name: StorageClass,
		Annotations: map[string]string{"storageclass.kubernetes.io/is-default-class": "true"}},
		Provisioner: provisioner, ReclaimPolicy: &del, VolumeBindingMode: &immediate}
	if _, err := n.Client.StorageV1().StorageClasses().Create(ctx, sc, metav1.CreateOptions{}); err != nil {
		n.t.Fatal(err)
	}
	root := n.path("volumes")
	if err := os.MkdirAll(root, 0o755); err != nil {
		n.t.Fatal(err)
	}
	pc := controller.NewProvisionController(ctx, n.Client, provisioner, directoryProvisioner{root: root},
		controller.LeaderElection(false))
	go pc.Run(ctx)
}
