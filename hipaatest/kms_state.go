package hipaatest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Persistence for WithStateFile. The file is JSON; key material is stored
// in clear (base64), which is acceptable only because this server never
// holds real data.

const stateFormat = 1

type stateDoc struct {
	Format  int
	Region  string
	Account string
	Keys    []stateKey
	Aliases []stateAlias
}

type stateKey struct {
	ID              string
	Description     string
	Created         time.Time
	State           string
	DeletionDate    time.Time `json:",omitzero"`
	PendingDays     int32     `json:",omitempty"`
	RotationEnabled bool      `json:",omitempty"`
	RotationPeriod  int32     `json:",omitempty"`
	Versions        []stateVersion
}

type stateVersion struct {
	Material   []byte
	MaterialID string
	Created    time.Time
	OnDemand   bool `json:",omitempty"`
}

type stateAlias struct {
	Name    string
	Target  string
	Created time.Time
	Updated time.Time
}

// loadState reads the state file, if there is one, into the empty store.
func (s *KMSServer) loadState() error {
	b, err := os.ReadFile(s.cfg.stateFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("hipaatest: read state: %w", err)
	}
	var doc stateDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("hipaatest: parse state %s: %w", s.cfg.stateFile, err)
	}
	if doc.Format != stateFormat {
		return fmt.Errorf("hipaatest: state %s has format %d, want %d", s.cfg.stateFile, doc.Format, stateFormat)
	}
	if doc.Region != s.cfg.region || doc.Account != s.cfg.account {
		return fmt.Errorf("hipaatest: state %s is for region %s account %s, not %s %s",
			s.cfg.stateFile, doc.Region, doc.Account, s.cfg.region, s.cfg.account)
	}
	for _, sk := range doc.Keys {
		if !looksLikeUUID(sk.ID) || len(sk.Versions) == 0 || s.keys[sk.ID] != nil {
			return fmt.Errorf("hipaatest: state %s: bad key entry %q", s.cfg.stateFile, sk.ID)
		}
		switch sk.State {
		case stateEnabled, stateDisabled, statePendingDeletion:
		default:
			return fmt.Errorf("hipaatest: state %s: key %s has unknown state %q", s.cfg.stateFile, sk.ID, sk.State)
		}
		k := &kmsKey{
			id: sk.ID, arn: s.keyARN(sk.ID), description: sk.Description, created: sk.Created,
			state: sk.State, deletionDate: sk.DeletionDate, pendingDays: sk.PendingDays,
			rotationEnabled: sk.RotationEnabled, rotationPeriod: sk.RotationPeriod,
		}
		for _, v := range sk.Versions {
			if len(v.Material) != 32 {
				return fmt.Errorf("hipaatest: state %s: key %s has material of %d bytes", s.cfg.stateFile, sk.ID, len(v.Material))
			}
			k.versions = append(k.versions, keyVersion{material: v.Material, materialID: v.MaterialID, created: v.Created, onDemand: v.OnDemand})
		}
		s.keys[k.id] = k
		s.order = append(s.order, k.id)
	}
	for _, a := range doc.Aliases {
		if validAliasName(a.Name) != nil || s.keys[a.Target] == nil {
			return fmt.Errorf("hipaatest: state %s: bad alias entry %q", s.cfg.stateFile, a.Name)
		}
		s.aliases[a.Name] = &kmsAlias{name: a.Name, target: a.Target, created: a.Created, updated: a.Updated}
	}
	return nil
}

// saveStateLocked writes the store to the state file, if one is configured.
// The caller holds s.mu.
func (s *KMSServer) saveStateLocked() *apiError {
	if s.cfg.stateFile == "" {
		return nil
	}
	doc := stateDoc{Format: stateFormat, Region: s.cfg.region, Account: s.cfg.account, Keys: []stateKey{}, Aliases: []stateAlias{}}
	for _, id := range s.order {
		k := s.keys[id]
		sk := stateKey{
			ID: k.id, Description: k.description, Created: k.created, State: k.state,
			DeletionDate: k.deletionDate, PendingDays: k.pendingDays,
			RotationEnabled: k.rotationEnabled, RotationPeriod: k.rotationPeriod,
		}
		for _, v := range k.versions {
			sk.Versions = append(sk.Versions, stateVersion{Material: v.material, MaterialID: v.materialID, Created: v.created, OnDemand: v.onDemand})
		}
		doc.Keys = append(doc.Keys, sk)
	}
	for _, a := range s.aliases {
		doc.Aliases = append(doc.Aliases, stateAlias{Name: a.name, Target: a.target, Created: a.created, Updated: a.updated})
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return errorf(CodeKMSInternal, "hipaatest: encode state: %v", err)
	}
	if err := writeFileAtomic(s.cfg.stateFile, b); err != nil {
		return errorf(CodeKMSInternal, "hipaatest: write state: %v", err)
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".hipaatest-kms-state-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
