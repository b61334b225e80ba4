// The national file is several hundred megabytes: its upload shows how far it has gone, then that the portal reads it.
// Sent by XMLHttpRequest (fetch reports no upload progress); the page the portal answers replaces this one as a normal post would.
const form = document.getElementById('register-form');
const box = document.getElementById('register-progress');
if (form && box && window.XMLHttpRequest) {
  const bar = box.querySelector('progress');
  const text = document.getElementById('register-progress-text');
  form.addEventListener('submit', (event) => {
    const input = form.querySelector('input[type=file]');
    if (!input.files || input.files.length === 0) {
      return;
    }
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    box.hidden = false;
    form.querySelector('[type=submit]').disabled = true;
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        const percent = Math.floor((e.loaded / e.total) * 100);
        bar.value = percent;
        text.textContent = `Envoi du fichier : ${percent} %`;
      }
    });
    request.upload.addEventListener('load', () => {
      bar.removeAttribute('value');
      text.textContent = 'Fichier reçu : le portail le lit et garde les lignes du territoire. Cela prend une à deux minutes pour le fichier national.';
    });
    request.addEventListener('load', () => {
      history.replaceState(null, '', request.responseURL);
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', () => {
      text.textContent = "L'envoi a échoué : vérifiez votre connexion et recommencez.";
      form.querySelector('[type=submit]').disabled = false;
    });
    request.send(new FormData(form));
  });
}
