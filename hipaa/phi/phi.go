package phi

// Category is a HIPAA Safe Harbor identifier category that can appear in
// a name (45 CFR 164.514(b)(2)(i)).
type Category string

// The identifier categories the detector reports.
const (
	CategoryName       Category = "name"        // (A) personal names
	CategoryAddress    Category = "address"     // (B) street addresses
	CategoryZIP        Category = "zip"         // (B) ZIP codes
	CategoryDate       Category = "date"        // (C) dates tied to a person: birth, admission, discharge, death
	CategoryAge        Category = "age"         // (C) ages over 89
	CategoryPhone      Category = "phone"       // (D) telephone numbers
	CategoryFax        Category = "fax"         // (E) fax numbers
	CategoryEmail      Category = "email"       // (F) email addresses
	CategorySSN        Category = "ssn"         // (G) social security numbers
	CategoryMRN        Category = "mrn"         // (H) medical record numbers
	CategoryHealthPlan Category = "health-plan" // (I) health plan beneficiary numbers
	CategoryAccount    Category = "account"     // (J) account numbers
	CategoryLicense    Category = "license"     // (K) certificate / licence numbers
	CategoryVehicle    Category = "vehicle"     // (L) vehicle identifiers, VINs, plates
	CategoryDevice     Category = "device"      // (M) device identifiers and serial numbers
	CategoryURL        Category = "url"         // (N) web URLs
	CategoryIP         Category = "ip"          // (O) IP addresses
)

// DefaultMinConfidence is the confidence at or above which a finding
// counts by default: the hipaa policy refuses a name with such a finding
// unless configured otherwise. Findings below it are weak hints.
const DefaultMinConfidence = 0.5

// Finding is one suspected identifier in a name. It holds the category,
// the byte offsets [Start, End) into the scanned name and a confidence in
// (0, 1]; it never holds a copy of the matched text.
type Finding struct {
	Category   Category
	Start, End int
	Confidence float64
}
