import { formatRef, type HistoryEntry, type TicketTranscript } from '../../core/index.js';
import { html, type Html } from './html.js';
import { notice, STATUS_LABEL, when } from './layout.js';

type Names = Readonly<Record<string, string>>;

function who(names: Names, id: string | null | undefined): string {
  if (!id) return 'the helpdesk';
  return names[id] ?? 'someone';
}

/** One history entry as a line of the transcript. */
function entry(h: HistoryEntry, names: Names): Html {
  const body = ((): { cls: string; text: Html } => {
    switch (h.type) {
      case 'filed':
        return { cls: 'filed', text: html`<strong>${who(names, h.actorId)}</strong> filed the ticket` };
      case 'triaged':
        return { cls: 'triage', text: html`Triaged by ${h.engine}${h.model ? ` (${h.model})` : ''}` };
      case 'assigned':
        return { cls: 'assign', text: html`Assigned to <strong>${who(names, h.assigneeId)}</strong>${h.actorId ? html` by ${who(names, h.actorId)}` : ''}: ${h.reason.text}` };
      case 'unassigned':
        return { cls: 'assign', text: html`Left unassigned: ${h.reason}` };
      case 'started':
        return { cls: 'status', text: html`<strong>${who(names, h.actorId)}</strong> started work` };
      case 'resolved':
        return { cls: 'status', text: html`<strong>${who(names, h.actorId)}</strong> resolved it${h.auto ? ' (closed automatically: no reply)' : ''}<p class="text">${h.note}</p>` };
      case 'reassigned':
        return { cls: 'assign', text: html`Reassigned from ${h.fromId ? who(names, h.fromId) : 'nobody'} to ${h.toId ? who(names, h.toId) : 'the queue'}${h.actorId ? html` by ${who(names, h.actorId)}` : ''}` };
      case 'reopened':
        return { cls: 'status', text: html`<strong>${who(names, h.actorId)}</strong> reopened it` };
      case 'message':
        return { cls: 'message', text: html`<strong>${who(names, h.actorId)}</strong>${h.savedReply ? html` (saved reply “${h.savedReply}”)` : ''}:<p class="text">${h.text}</p>` };
      case 'note':
        return { cls: 'note', text: html`<strong>${who(names, h.actorId)}</strong> · internal note, staff only:<p class="text">${h.text}</p>` };
      case 'reminded':
        return { cls: 'sla', text: html`Reminder to ${who(names, h.assigneeId)}: ${h.sla ?? 'first-response'} service level missed` };
      case 'escalated':
        return { cls: 'sla', text: html`Escalated: ${h.reason}` };
      case 'nudged':
        return { cls: 'sla', text: html`The requester was reminded that staff wait for an answer` };
      case 'held':
        return { cls: 'status', text: html`${who(names, h.actorId)} turned waiting reminders ${h.on ? 'off' : 'back on'}` };
      case 'rated':
        return { cls: 'rating', text: html`<strong>${who(names, h.actorId)}</strong> rated the resolution ${h.rating === 'good' ? '👍 good' : '👎 bad'}${h.comment ? html`<p class="text">${h.comment}</p>` : ''}` };
      case 'triage-corrected':
        return { cls: 'triage', text: html`<strong>${who(names, h.actorId)}</strong> corrected the triage: ${h.changes.map((c) => `${c.field} ${c.from || '—'} → ${c.to || '—'}`).join('; ')}` };
    }
  })();
  return html`<li class="${body.cls}"><time datetime="${h.at}">${when(h.at)}</time>${body.text}</li>`;
}

function hidden(csrf: string): Html {
  return html`<input type="hidden" name="csrf" value="${csrf}">`;
}

function actionForms(t: TicketTranscript, csrf: string): Html {
  const { ticket, actions: a } = t;
  const base = `/tickets/${ticket.ref}`;
  const forms: Html[] = [];
  const simple: Html[] = [];
  if (a.claim) simple.push(html`<form method="post" action="${base}/claim">${hidden(csrf)}<button type="submit">Claim</button></form>`);
  if (a.start) simple.push(html`<form method="post" action="${base}/start">${hidden(csrf)}<button type="submit">Start</button></form>`);
  if (simple.length) forms.push(html`<div class="row">${simple}</div>`);
  if (a.resolve)
    forms.push(html`<form method="post" action="${base}/resolve">${hidden(csrf)}<label for="resolve-note">Resolution note (sent to the requester)</label><textarea id="resolve-note" name="note" required maxlength="4000"></textarea><button type="submit">Resolve</button></form>`);
  if (a.reassign)
    forms.push(html`<form method="post" action="${base}/reassign">${hidden(csrf)}<label for="reassign-to">Reassign to</label><select id="reassign-to" name="to"><option value="">Someone else, chosen by the helpdesk</option>${t.staff.map((s) => html`<option value="${s.id}"${s.id === ticket.assigneeId ? html` selected` : ''}>${s.name}</option>`)}</select><button type="submit">Reassign</button></form>`);
  if (a.note)
    forms.push(html`<form method="post" action="${base}/note">${hidden(csrf)}<label for="note-text">Internal note (staff only)</label><textarea id="note-text" name="text" required maxlength="4000"></textarea><button type="submit">Add note</button></form>`);
  if (a.triage)
    forms.push(html`<form method="post" action="${base}/triage">${hidden(csrf)}<fieldset><legend>Edit triage</legend>
<label for="triage-priority">Priority</label><select id="triage-priority" name="priority">${['LOW', 'MEDIUM', 'HIGH'].map((p) => html`<option value="${p.toLowerCase()}"${p === ticket.priority ? html` selected` : ''}>${p.toLowerCase()}</option>`)}</select>
<label for="triage-category">Category</label><input id="triage-category" name="category" value="${ticket.category}" maxlength="60">
<label for="triage-skills">Skills (comma-separated)</label><input id="triage-skills" name="skills" value="${ticket.skills.join(', ')}" maxlength="300">
<button type="submit">Save triage</button></fieldset></form>`);
  return forms.length ? html`<section class="card actions" aria-labelledby="actions-h"><h2 id="actions-h">Actions</h2>${forms}</section>` : html``;
}

/** The ticket page: details, triage for staff, the whole transcript and the actions the viewer may take. */
export function ticketBody(t: TicketTranscript, input: { csrf: string; error?: string | null; done?: string | null }): Html {
  const { ticket, names } = t;
  const staffView = !ticket.notesHidden;
  const triage = staffView
    ? html`<section class="card" aria-labelledby="triage-h"><h2 id="triage-h">Triage</h2>
<dl class="meta"><div><dt>Category</dt><dd>${ticket.category}</dd></div><div><dt>Skills</dt><dd>${ticket.skills.join(', ') || '—'}</dd></div><div><dt>Engine</dt><dd>${ticket.triage ? `${ticket.triage.engine}${ticket.triage.model ? ` (${ticket.triage.model})` : ''}` : 'not yet'}</dd></div></dl>
${ticket.summary ? html`<h3>Summary</h3><p class="text">${ticket.summary}</p>` : ''}
${ticket.notes ? html`<h3>Notes for staff</h3><p class="text">${ticket.notes}</p>` : ''}
${ticket.suggestedFix ? html`<h3>Suggested fix</h3><p class="text">${ticket.suggestedFix}</p>` : ''}
${ticket.similar.length ? html`<h3>Similar resolved tickets</h3><ul>${ticket.similar.map((s) => html`<li><a href="/tickets/${s.ref}">${formatRef(s.ref)}</a> ${s.title}</li>`)}</ul>` : ''}
</section>`
    : '';
  return html`<p><a href="/">← All tickets</a></p>
<h1>${formatRef(ticket.ref)} ${ticket.title}</h1>
${notice('error', input.error)}${notice('ok', input.done)}
<div class="grid">
<div>
<section class="card" aria-labelledby="details-h"><h2 id="details-h">Details</h2>
<dl class="meta">
<div><dt>Status</dt><dd>${STATUS_LABEL[ticket.status] ?? ticket.status}</dd></div>
<div><dt>Priority</dt><dd><span class="badge ${ticket.priority}">${ticket.priority.toLowerCase()}</span></dd></div>
<div><dt>Requester</dt><dd>${who(names, ticket.requesterId)}</dd></div>
<div><dt>Assignee</dt><dd>${ticket.assigneeId ? who(names, ticket.assigneeId) : 'unassigned'}</dd></div>
<div><dt>Filed</dt><dd>${when(ticket.createdAt)} via ${ticket.origin.platform}</dd></div>
<div><dt>Updated</dt><dd>${when(ticket.updatedAt)}</dd></div>
</dl>
<h3>Description</h3><p class="text">${ticket.description}</p>
${ticket.resolution ? html`<h3>Resolution</h3><p class="text">${ticket.resolution}</p>` : ''}
</section>
<section class="card" aria-labelledby="history-h"><h2 id="history-h">Transcript</h2><ol class="timeline">${ticket.history.map((h) => entry(h, names))}</ol></section>
</div>
<div>${actionForms(t, input.csrf)}${triage}</div>
</div>`;
}
