import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { PARTNER_KINDS, type PartnerView, loadPartners, savePartner } from '../../setup';
import { useLoad } from '../../use-load';
import type { SetupContext } from './SetupView';
import {
  ActionsHeader,
  EditButton,
  EditorCard,
  FormEnd,
  InputField,
  ListHead,
  Loaded,
  RowButton,
  SelectField,
  SendingStatus,
  useEditor,
  useSending,
} from './SetupParts';

/** The hospitals and services crisis cases are referred to; a retired one stays in old cases. */
export function PartnersSetup({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const partners = useLoad(
    (signal) => loadPartners(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  const editor = useEditor<PartnerView>();
  const retire = useSending();

  return (
    <div className="setup-partners">
      <ListHead
        heading={t('setup.partners.heading')}
        add={t('setup.partners.add')}
        editor={editor}
      />
      {editor.isOpen && (
        <PartnerEditor
          key={editor.key}
          context={context}
          editing={editor.record}
          onDone={(saved) => {
            editor.close();
            if (saved) partners.reload();
          }}
        />
      )}
      <SendingStatus sending={retire} />
      <Loaded load={partners}>
        {(list) =>
          list.length === 0 ? (
            <p data-empty="true">{t('setup.partners.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table setup__table">
                <caption className="visually-hidden">{t('setup.partners.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('setup.partners.name')}</th>
                    <th scope="col">{t('setup.partners.kind')}</th>
                    <th scope="col">{t('setup.partners.phone')}</th>
                    <th scope="col">{t('setup.partners.address')}</th>
                    <th scope="col">{t('setup.volunteers.status')}</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {list.map((partner) => (
                    <tr key={partner.id} data-partner={partner.id}>
                      <th scope="row">{partner.name}</th>
                      <td>{t(`setup.partners.kind.${partner.kind}`)}</td>
                      <td>{partner.phone ?? '—'}</td>
                      <td>{partner.address ?? '—'}</td>
                      <td>{t(partner.active ? 'setup.active' : 'setup.partners.retired')}</td>
                      <td className="setup__cell-actions">
                        <EditButton name={partner.name} onClick={() => editor.open(partner)} />
                        <RowButton
                          label={t(
                            partner.active ? 'setup.partners.retire' : 'setup.partners.restore',
                          )}
                          what={partner.name}
                          disabled={retire.busy}
                          onClick={() =>
                            void retire.send(
                              () =>
                                savePartner(context.accessToken, partner.id, {
                                  active: !partner.active,
                                }),
                              partners.reload,
                            )
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </div>
  );
}

function PartnerEditor({
  context,
  editing,
  onDone,
}: {
  context: SetupContext;
  editing: PartnerView | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PartnerView['kind']>(editing?.kind ?? 'hospital');
  const [name, setName] = useState(editing?.name ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const [address, setAddress] = useState(editing?.address ?? '');
  const sending = useSending();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind,
      name,
      ...(phone.trim() ? { phone } : {}),
      ...(address.trim() ? { address } : {}),
      ...(editing ? {} : { hotlineId: context.hotlineId }),
    };
    void sending.send(
      () => savePartner(context.accessToken, editing?.id ?? null, body),
      () => onDone(true),
    );
  };
  return (
    <EditorCard
      heading={editing ? t('setup.editNamed', { name: editing.name }) : t('setup.partners.add')}
    >
      <form noValidate onSubmit={submit}>
        <div className="setup__fields">
          <SelectField
            label={t('setup.partners.kind')}
            path="kind"
            sending={sending}
            value={kind}
            onValue={(value) => setKind(value as PartnerView['kind'])}
          >
            {PARTNER_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`setup.partners.kind.${option}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            label={t('setup.partners.name')}
            path="name"
            sending={sending}
            value={name}
            onValue={setName}
          />
          <InputField
            label={t('setup.partners.phone')}
            path="phone"
            type="tel"
            sending={sending}
            value={phone}
            onValue={setPhone}
          />
          <InputField
            label={t('setup.partners.address')}
            path="address"
            sending={sending}
            value={address}
            wide
            onValue={setAddress}
          />
        </div>
        <FormEnd sending={sending} submit={t('setup.save')} onCancel={() => onDone(false)} />
      </form>
    </EditorCard>
  );
}
