package apierrors

// Runs the shared cases through the generated Go client: each server
// message must come out of FormatMessage and Decode exactly.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"
)

type serverCase struct {
	Code           int            `json:"code"`
	Params         map[string]any `json:"params"`
	AcceptLanguage string         `json:"accept_language"`
	Message        string         `json:"message"`
	Body           string         `json:"body"`
	Problem        string         `json:"problem"`
	Status         int            `json:"status"`
	RetryAfter     *int           `json:"retry_after"`
	Violations     int            `json:"violations"`
}

func TestServerCases(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("CASES"))
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var cases []serverCase
	if err := d.Decode(&cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 300 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		if got := FormatMessage(c.Code, c.Params, c.AcceptLanguage); got != c.Message {
			t.Errorf("%d %q: FormatMessage gives %q, the server %q", c.Code, c.AcceptLanguage, got, c.Message)
		}
		// Either format reads back as the same error.
		var first *Error
		for _, body := range []string{c.Body, c.Problem} {
			e, err := Decode([]byte(body))
			if err != nil {
				t.Fatalf("%s: %v", body, err)
			}
			var asError error = e
			var decoded *Error
			if !errors.As(asError, &decoded) || decoded.Code != c.Code || decoded.Message != c.Message {
				t.Errorf("%s decodes as %+v", body, e)
			}
			if got := FormatMessage(e.Code, e.Params, c.AcceptLanguage); got != c.Message {
				t.Errorf("%d %q: the decoded params give %q, the server %q", c.Code, c.AcceptLanguage, got, c.Message)
			}
			if (e.RetryAfter == nil) != (c.RetryAfter == nil) || (e.RetryAfter != nil && *e.RetryAfter != *c.RetryAfter) {
				t.Errorf("%s: retry after %v", body, e.RetryAfter)
			}
			if len(e.Violations) != c.Violations {
				t.Errorf("%s: %d violations", body, len(e.Violations))
			}
			if info := e.Info(); info == nil || info.Status != c.Status {
				t.Errorf("%d: the catalog says %+v", c.Code, info)
			}
			if first == nil {
				first = e
				continue
			}
			if e.Detail != first.Detail || e.RequestID != first.RequestID {
				t.Errorf("%s: detail %q, the JSON body's %q", body, e.Detail, first.Detail)
			}
			for i := range e.Violations {
				if e.Violations[i].Field != first.Violations[i].Field || e.Violations[i].Message != first.Violations[i].Message {
					t.Errorf("%s: violation %+v, the JSON body's %+v", body, e.Violations[i], first.Violations[i])
				}
			}
		}
	}
}
