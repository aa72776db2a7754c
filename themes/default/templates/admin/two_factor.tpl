{{%AUTOESCAPE context="HTML"}}{{#ENROL}}{{#REQUIRED}}<p class="warning">This site requires two-factor sign-in for your role: set it up to continue.</p>{{/REQUIRED}}
<ol class="steps">
  <li>Install an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator).</li>
  <li>Scan this code with it:
    <figure class="qr">{{QR:none}}<figcaption>Or type this key: <code class="secret">{{SECRET}}</code></figcaption></figure></li>
  <li><form method="post" action="/admin/two-factor">
    <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="enable">
    <input type="hidden" name="enrol" value="{{SEALED}}">
    <label for="code">Enter the six-digit code the app shows</label>
    <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
    <button type="submit">Turn on two-factor sign-in</button>
  </form></li>
</ol>
{{/ENROL}}{{#CODES}}<p>Two-factor sign-in is on. These are your recovery codes: each signs you in once
if you lose your phone. Keep them somewhere safe (printed, or in a password manager). They are shown only now.</p>
<ul class="recovery-codes">{{#CODE}}<li><code>{{CODE}}</code></li>{{/CODE}}</ul>
<p><a href="/admin/">Continue to the dashboard</a></p>
{{/CODES}}{{#ENABLED}}<p>Two-factor sign-in is <strong>on</strong>. You have {{LEFT}} unused recovery codes.</p>
<form class="card" method="post" action="/admin/two-factor">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p><label for="password">Your password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button name="action" value="recovery">Make new recovery codes</button>
  <button name="action" value="disable">Turn off two-factor sign-in</button></p>
</form>
{{/ENABLED}}
