package apierrors

// Runs the shared cases through the generated Go client: each server
// message must come out of FormatMessage and Decode exactly.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

type serverCase struct {
	Code           int                        `json:"code"`
	Params         map[string]json.RawMessage `json:"params"`
	AcceptLanguage string                     `json:"accept_language"`
	Message        string                     `json:"message"`
	Body           string                     `json:"body"`
	Problem        string                     `json:"problem"`
	Status         int                        `json:"status"`
	RetryAfter     *int                       `json:"retry_after"`
	Violations     int                        `json:"violations"`
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
		// Each param as the client reads a value: a list or an object as
		// its JSON text, its keys in the server's order.
		params := map[string]any{}
		for name, raw := range c.Params {
			value, err := decodeValue(raw)
			if err != nil {
				t.Fatal(err)
			}
			params[name] = value
		}
		if got := FormatMessage(c.Code, params, c.AcceptLanguage); got != c.Message {
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

// The bodies from elsewhere read as the server's own client reads them:
// refused, or the same code, message, detail, delay, params and
// violations.
func TestOddBodies(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(filepath.Dir(os.Getenv("CASES")), "odd.json"))
	if err != nil {
		t.Fatal(err)
	}
	var bodies []struct {
		Body string          `json:"body"`
		Want json.RawMessage `json:"want"`
	}
	if err := json.Unmarshal(data, &bodies); err != nil {
		t.Fatal(err)
	}
	if len(bodies) < 40 {
		t.Fatalf("only %d bodies", len(bodies))
	}
	for _, b := range bodies {
		e, err := Decode([]byte(b.Body))
		got := "null"
		if err == nil {
			params := []string{}
			for name := range e.Params {
				params = append(params, name)
			}
			sort.Strings(params)
			violations := []any{}
			for _, v := range e.Violations {
				names := []string{}
				for name := range v.Params {
					names = append(names, name)
				}
				sort.Strings(names)
				var code, reason any
				if v.Code != 0 {
					code = v.Code
				}
				if v.Reason != "" {
					reason = v.Reason
				}
				violations = append(violations, []any{v.Field, v.Message, code, reason, names})
			}
			var detail any
			if e.Detail != "" {
				detail = e.Detail
			}
			var retry any
			if e.RetryAfter != nil {
				retry = *e.RetryAfter
			}
			text, _ := json.Marshal(map[string]any{
				"code": e.Code, "message": e.Message, "detail": detail,
				"retry_after": retry, "params": params, "violations": violations,
			})
			got = string(text)
		}
		var want, have any
		_ = json.Unmarshal(b.Want, &want)
		_ = json.Unmarshal([]byte(got), &have)
		wantText, _ := json.Marshal(want)
		haveText, _ := json.Marshal(have)
		if string(wantText) != string(haveText) {
			short := b.Body
			if len(short) > 120 {
				short = short[:120] + "…"
			}
			t.Errorf("%q: Decode gives %s (error %v), the server's client %s", short, haveText, err, wantText)
		}
	}
}

// A body another wrote, its strings escaped otherwise (`\u00e9`, `\/`)
// and its object's keys in no order of the alphabet: the message is the
// one the server writes of the same values.
func TestForeignEscapesAndOrder(t *testing.T) {
	body := `{"code":2004,"message":"x","params":{"items":[ 1, 2 ],"meta":{"z":["\u00e9\/\u0008"],"a":1.50}}}`
	e, err := Decode([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := "items [1,2] and {\"z\":[\"é/\\b\"],\"a\":1.50}"
	if got := FormatMessage(e.Code, e.Params, "en"); got != want {
		t.Errorf("FormatMessage gives %q, want %q", got, want)
	}
}

// Params built by hand as typed Go values: their strings escaped as the
// server escapes them, whatever Go's own encoding/json writes.
func TestTypedValuesByHand(t *testing.T) {
	params := map[string]any{
		"items": []int{1, 2},
		"meta":  map[string][]string{"k": {"a\bb\fc<&>\u2028"}},
	}
	want := "items [1,2] and {\"k\":[\"a\\bb\\fc<&>\u2028\"]}"
	if got := FormatMessage(2004, params, "en"); got != want {
		t.Errorf("FormatMessage gives %q, want %q", got, want)
	}
}
