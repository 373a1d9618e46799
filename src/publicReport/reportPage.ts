// The pages of the public report form: the form (filled in again after a problem, so nothing typed
// is lost), the thank-you page, and the friendly error pages. Plain HTML, no scripts, every value escaped.
import { incidentTypeLabels } from "../domain/labels.js";

export interface ReportFormValues {
  description?: string;
  type?: string;
  system?: string;
  occurredOn?: string;
  affected?: string;
  contactName?: string;
  contactEmail?: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f}
label{display:block;font-weight:600;margin-top:1rem}textarea,input,select{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
.hint{font-weight:400;color:#555;font-size:.9rem}.problem{background:#fdecea;border-left:4px solid #c62828;padding:.75rem 1rem}
button{margin-top:1.5rem;padding:.6rem 1.4rem;font:inherit}</style></head>
<body>${body}</body></html>
`;
}

export function reportFormPage(token: string, values: ReportFormValues = {}, problems: string[] = []): string {
  const value = (field: keyof ReportFormValues) => escape(values[field] ?? "");
  const types = Object.entries(incidentTypeLabels)
    .map(([code, label]) => `<option value="${code}"${values.type === code ? " selected" : ""}>${escape(label)}</option>`)
    .join("");
  return page(
    "Report a problem with one of our AI systems",
    `<h1>Report a problem with one of our AI systems</h1>
<p>Tell us when one of our AI systems (a chatbot, an automated decision, a recommendation) got something wrong,
treated someone unfairly, or could cause harm. Our AI governance team reads every report.</p>
${problems.length > 0 ? `<div class="problem" role="alert"><p>Please check your report:</p><ul>${problems.map((problem) => `<li>${escape(problem)}</li>`).join("")}</ul></div>` : ""}
<form method="post" action="/report">
<input type="hidden" name="token" value="${escape(token)}">
<label for="description">What happened? <span class="hint">(required)</span></label>
<textarea id="description" name="description" rows="7" maxlength="10000" required>${value("description")}</textarea>
<label for="type">What kind of problem is it?</label>
<select id="type" name="type"><option value="other">Not sure</option>${types}</select>
<label for="system">Which system or service? <span class="hint">(e.g. "the chat assistant on the website")</span></label>
<input id="system" name="system" maxlength="300" value="${value("system")}">
<label for="occurredOn">When did it happen? <span class="hint">(optional)</span></label>
<input id="occurredOn" name="occurredOn" type="date" value="${value("occurredOn")}">
<label for="affected">Who was affected? <span class="hint">(optional; e.g. "me", "my elderly father")</span></label>
<input id="affected" name="affected" maxlength="2000" value="${value("affected")}">
<h2>How can we reach you? <span class="hint">(optional)</span></h2>
<p class="hint">Only our AI governance team sees your contact details, and only to follow up on this report. Leave them empty to report anonymously.</p>
<label for="contactName">Your name</label>
<input id="contactName" name="contactName" maxlength="200" autocomplete="name" value="${value("contactName")}">
<label for="contactEmail">Your email</label>
<input id="contactEmail" name="contactEmail" type="email" maxlength="320" autocomplete="email" value="${value("contactEmail")}">
<button type="submit">Send report</button>
</form>`,
  );
}

export const thankYouPage = (reference: string) =>
  page(
    "Thank you for your report",
    `<h1>Thank you for your report</h1><p>Your report is <strong>${escape(reference)}</strong>. Our AI governance team has been told and will look into it.
Keep the reference if you contact us about it.</p>`,
  );

export const problemPage = (title: string, text: string) => page(title, `<h1>${escape(title)}</h1><p>${escape(text)}</p><p><a href="/report">Back to the report form</a></p>`);
