// The evidence documents of one record (a project, activity, park, a pair-year's actuals, an assessment adjustment
// or an objection): listed, uploaded, downloaded, previewed (images and PDFs), replaced by a new version (the older
// ones listed and downloaded) and deleted with a reason. Read when first opened.
import { h, field, showError, clear, table, toast } from '../ui.js';
import { t, number, lang } from '../i18n.js';
import { get, call, query, download, sendFile, fetchBlob, ifMatch } from '../api.js';

const PREVIEWABLE = /^(image\/(png|jpeg|gif|webp)|application\/pdf)$/;

/**
 * Uploads files to subject one after the other (e.g. objection:7 once it was filed); answers the names of those that
 * failed, so that the caller can say which are to be uploaded again.
 */
export async function attachFiles(subject, files) {
  const failed = [];
  for (const file of files) {
    try {
      await sendFile(`/api/v1/documents${query({ subject, fileName: file.name })}`, file);
    } catch {
      failed.push(file.name);
    }
  }
  return failed;
}

/** The adjustments of an assessment (its detail's), each with its documents; mayWrite for assessors and admins. */
export function adjustmentsTable(adjustments, { mayWrite = false } = {}) {
  if (!adjustments.length) return h('p.muted', t('noAdjustments'));
  return table([
    { label: t('adjustItem'), value: (j) => j.item },
    { label: t('points'), value: (j) => number(j.points), num: true },
    { label: t('reason'), value: (j) => j.reason },
    { label: t('who'), value: (j) => `${j.actor} · ${new Date(j.createdAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}` },
    { label: t('documents'), value: (j) => documentsPanel(`adjustment:${j.id}`, { mayWrite }) },
  ], adjustments);
}

/** A details.record-documents for subject (e.g. project:12); mayWrite adds the upload and delete controls. */
export function documentsPanel(subject, { mayWrite = false } = {}) {
  const box = h('details.record-documents', { 'data-subject': subject }, h('summary', t('documents')));
  const list = h('div.documents-list', { 'aria-live': 'polite' });
  const preview = h('div.document-preview');
  let previewUrl = null;
  const showDeleted = h('input.documents-deleted', { type: 'checkbox', onchange: () => load() });
  const deletedToggle = h('label.muted', showDeleted, ' ', t('showDeleted'));
  box.addEventListener('toggle', () => { if (box.open && !box.dataset.loaded) load(); });

  async function load() {
    clear(box);
    try {
      const page = await get(`documents${query({ subject, size: 200, includeDeleted: showDeleted.checked || undefined })}`);
      list.replaceChildren(table([
        { label: t('fileName'), value: (d) => (d.version > 1 ? [d.fileName, h('span.muted', ` · ${t('version')} ${d.version}`)] : d.fileName) },
        { label: t('mediaType'), value: (d) => d.mediaType },
        { label: t('size'), value: (d) => number(d.size / 1024, 1) + ' KiB', num: true },
        { label: t('uploadedBy'), value: (d) => `${d.uploadedBy} · ${new Date(d.uploadedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}` },
        { label: t('change'), value: (d) => (d.deletedAt ? h('span.deleted', `${t('deleted')}（${d.deletedBy}）：${d.deleteReason ?? ''}`) : actions(d)) },
      ], page.items));
      list.querySelectorAll(':scope tbody tr').forEach((tr, i) => {
        tr.dataset.document = String(page.items[i].id);
        tr.dataset.sha256 = page.items[i].sha256;
        tr.dataset.version = String(page.items[i].version);
      });
      box.dataset.loaded = 'true';
      box.dataset.count = String(page.items.length);
    } catch (err) { showError(box, err); }
  }

  function actions(d) {
    const cell = h('div.toolbar',
      h('button.secondary.document-download', { type: 'button', onclick: () => download(d.content, d.fileName).catch((err) => showError(box, err)) }, t('download')),
      PREVIEWABLE.test(d.mediaType) ? h('button.secondary.document-preview-button', { type: 'button', onclick: () => show(d) }, t('preview')) : null,
      d.version > 1 ? versions(d) : null);
    if (mayWrite) {
      // A new version replaces the content; the older ones stay, listed under 历史版本.
      const file = field(t('documentFile'), 'file', { type: 'file' });
      file.control.classList.add('version-file');
      const replace = h('form.inline.document-version', { hidden: true, onsubmit: async (e) => {
        e.preventDefault();
        clear(replace);
        const chosen = file.control.files[0];
        if (!chosen) { file.control.focus(); return; }
        try {
          const current = await call('GET', `documents/${d.id}`);
          await sendFile(`/api/v1/documents/${d.id}/versions${query({ fileName: chosen.name })}`, chosen, ifMatch(current));
          toast(t('uploaded'));
          load();
        } catch (err) { showError(replace, err, { reload: load }); }
      } }, file, h('button', { type: 'submit' }, t('upload')));
      cell.append(h('button.secondary.new-version', { type: 'button', onclick: (e) => { e.currentTarget.hidden = true; replace.hidden = false; file.control.focus(); } }, t('uploadNewVersion')), replace);
      const reason = field(t('reason'), 'reason', { required: true, attrs: { size: 16 } });
      const form = h('form.inline.document-delete', { hidden: true, onsubmit: async (e) => {
        e.preventDefault();
        clear(form);
        const why = reason.control.value.trim();
        if (!why) { reason.control.focus(); return; }
        try {
          const current = await call('GET', `documents/${d.id}`);
          await call('DELETE', `documents/${d.id}${query({ reason: why })}`, { headers: ifMatch(current) });
          toast(t('deleted'));
          load();
        } catch (err) { showError(form, err); }
      } }, reason, h('button.danger', { type: 'submit' }, t('confirmDelete')));
      cell.append(h('button.secondary.delete', { type: 'button', onclick: (e) => { e.currentTarget.hidden = true; form.hidden = false; reason.control.focus(); } }, t('delete')), form);
    }
    return cell;
  }

  /** The document's versions, oldest first, each downloaded by its own link; read when opened. */
  function versions(d) {
    const box = h('details.document-versions', h('summary', t('olderVersions')));
    box.addEventListener('toggle', async () => {
      if (!box.open || box.dataset.loaded) return;
      try {
        const all = await get(`documents/${d.id}/versions`);
        box.append(table([
          { label: t('version'), value: (v) => String(v.number) },
          { label: t('fileName'), value: (v) => v.fileName },
          { label: t('size'), value: (v) => number(v.size / 1024, 1) + ' KiB', num: true },
          { label: t('uploadedBy'), value: (v) => `${v.uploadedBy} · ${new Date(v.uploadedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}` },
          { label: '', value: (v) => h('button.secondary.version-download', { type: 'button', onclick: () => download(v.content, v.fileName).catch((err) => showError(box, err)) }, t('download')) },
        ], all));
        box.querySelectorAll(':scope tbody tr').forEach((tr, i) => { tr.dataset.version = String(all[i].number); tr.dataset.sha256 = all[i].sha256; });
        box.dataset.loaded = 'true';
      } catch (err) { showError(box, err); }
    });
    return box;
  }

  async function show(d) {
    try {
      const blob = await fetchBlob(`${d.content}?inline=true`);
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = URL.createObjectURL(blob);
      const view = d.mediaType === 'application/pdf'
        ? h('iframe', { src: previewUrl, title: d.fileName, width: '100%', height: '480' })
        : h('img', { src: previewUrl, alt: d.fileName, style: 'max-width:100%;max-height:480px' });
      preview.replaceChildren(h('p.muted', d.fileName), view,
        h('button.secondary', { type: 'button', onclick: () => { preview.replaceChildren(); URL.revokeObjectURL(previewUrl); previewUrl = null; } }, t('close')));
      view.scrollIntoView?.({ block: 'center' });
    } catch (err) { showError(box, err); }
  }

  let uploadForm = null;
  if (mayWrite) {
    const file = field(t('documentFile'), 'file', { type: 'file' });
    file.control.classList.add('document-file');
    uploadForm = h('form.inline.document-upload', { onsubmit: async (e) => {
      e.preventDefault();
      clear(uploadForm);
      const chosen = file.control.files[0];
      if (!chosen) { file.control.focus(); return; }
      try {
        await sendFile(`/api/v1/documents${query({ subject, fileName: chosen.name })}`, chosen);
        toast(t('uploaded'));
        file.control.value = '';
        load();
      } catch (err) { showError(uploadForm, err); }
    } }, file, h('button', { type: 'submit' }, t('upload')));
  }
  box.append(deletedToggle, list, uploadForm ?? '', preview);
  return box;
}
