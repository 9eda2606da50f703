package envelope

import (
	"context"
	"fmt"

	"github.com/phisafe/phisafe/internal/esdk"
)

// multiKeyring is the Multi-Keyring (framework/multi-keyring.md).
type multiKeyring struct {
	generator Keyring
	children  []Keyring
}

// NewMultiKeyring returns a keyring that wraps each data key with every
// keyring it is given and unwraps with whichever can. The generator (nil
// for none) generates the data key; children only wrap it, so a multi-
// keyring without a generator can encrypt only if given a data key, and is
// mostly useful to decrypt. Encryption fails if any keyring fails;
// decryption tries the generator then the children in order, and fails
// only if every one fails.
func NewMultiKeyring(generator Keyring, children ...Keyring) (Keyring, error) {
	if generator == nil && len(children) == 0 {
		return nil, fmt.Errorf("%w: multi-keyring needs a generator or children", ErrConfig)
	}
	for _, c := range children {
		if c == nil {
			return nil, fmt.Errorf("%w: multi-keyring child is nil", ErrConfig)
		}
	}
	return &multiKeyring{generator: generator, children: append([]Keyring(nil), children...)}, nil
}

// OnEncrypt runs the generator, then every child.
func (k *multiKeyring) OnEncrypt(ctx context.Context, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	cur := m
	if k.generator != nil {
		if m.dataKey != nil {
			return nil, fmt.Errorf("%w: multi-keyring generator given materials that already hold a data key", ErrConfig)
		}
		out, err := k.generator.OnEncrypt(ctx, m)
		if err != nil {
			return nil, err
		}
		if out == nil || out.dataKey == nil {
			return nil, fmt.Errorf("%w: multi-keyring generator returned no data key", ErrConfig)
		}
		cur = out
	} else if m.dataKey == nil {
		return nil, fmt.Errorf("%w: multi-keyring without a generator needs materials holding a data key", ErrConfig)
	}
	for _, c := range k.children {
		out, err := c.OnEncrypt(ctx, cur)
		if err != nil {
			if cur != m {
				cur.Zero()
			}
			return nil, err
		}
		if cur != m {
			cur.Zero()
		}
		cur = out
	}
	return cur, nil
}

// OnDecrypt tries the generator and then each child until one unwraps a
// data key; the error collects every failure.
func (k *multiKeyring) OnDecrypt(ctx context.Context, m *DecryptionMaterials, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	if m.dataKey != nil {
		return nil, fmt.Errorf("%w: decryption materials already hold a data key", ErrConfig)
	}
	var errs []error
	all := k.children
	if k.generator != nil {
		all = append([]Keyring{k.generator}, k.children...)
	}
	for _, c := range all {
		out, err := c.OnDecrypt(ctx, m, edks)
		if err == nil && out != nil && out.dataKey != nil {
			return out, nil
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return nil, noDataKey(errs)
}
