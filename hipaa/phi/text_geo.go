package phi

// textCountries and textStates are names that Safe Harbor lets stay (a
// state or a country is not a geographic subdivision smaller than a
// state): ScanText reports them as hints only. Written for this package
// from the common English short names of countries (ISO 3166-1) and of
// the US states; names are facts, not copied text.
var textCountries = wordSet(`afghanistan albania algeria andorra angola argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia botswana
brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia
cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
finland france gabon gambia georgia germany ghana greece greenland grenada guatemala guinea guyana haiti
honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan
kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
nicaragua niger nigeria norway oman pakistan palau panama paraguay peru philippines poland portugal
qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia
zimbabwe usa uk america england scotland wales britain`)

// textMultiWordPlaces are the country and state names of several words,
// matched on the lower-cased words joined by single spaces.
var textMultiWordPlaces = []string{"new zealand", "united states", "united kingdom", "south africa",
	"south korea", "north korea", "czech republic", "costa rica", "el salvador", "sri lanka",
	"saudi arabia", "united arab emirates", "sierra leone", "papua new guinea", "new york", "new jersey",
	"new mexico", "new hampshire", "north carolina", "south carolina", "north dakota", "south dakota",
	"west virginia", "rhode island", "dominican republic", "puerto rico", "hong kong", "ivory coast",
	"bosnia and herzegovina", "north macedonia", "east timor", "cape verde", "trinidad and tobago",
	"marshall islands", "solomon islands", "faroe islands", "isle of man", "great britain"}

var textStates = func() map[string]bool {
	m := wordSet(`alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee
texas utah vermont virginia washington wisconsin wyoming`)
	for _, w := range textMultiWordPlaces {
		m[w] = true
	}
	return m
}()
