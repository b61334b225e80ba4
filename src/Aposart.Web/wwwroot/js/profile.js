// An RPPS number typed on the profile form is looked up in the national register: the empty identity fields are filled
// and the field says what was found. Nothing already typed is overwritten.
const form = document.getElementById('profile-form');
const rpps = document.getElementById('Input_Rpps');
const status = document.getElementById('rpps-register');
if (form && rpps && status && form.dataset.registerLookup) {
  let latest = 0;
  const lookup = async () => {
    const digits = rpps.value.replace(/\D/g, '');
    if (digits.length !== 11) {
      return;
    }
    const request = ++latest;
    const response = await fetch(`${form.dataset.registerLookup}?numero=${digits}`, { credentials: 'same-origin' });
    if (!response.ok || request !== latest) {
      return;
    }
    const data = await response.json();
    if (data.found) {
      for (const [id, value] of [['Input_FirstName', data.firstName], ['Input_LastName', data.lastName], ['Input_Profession', data.profession]]) {
        const field = document.getElementById(id);
        if (field && value && !field.value) {
          field.value = value;
          field.dispatchEvent(new Event('change', { bubbles: true }));
        }
      }
    }
    status.textContent = data.message || '';
  };
  rpps.addEventListener('input', lookup);
  rpps.addEventListener('change', lookup);
}
