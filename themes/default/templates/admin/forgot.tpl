{{%AUTOESCAPE context="HTML"}}{{#MAIL}}<form class="card narrow" method="post" action="/admin/forgot">
  <p>Type your login or the email address of your account. If there is such an account, a
  link to choose a new password goes to its email address; it works once, for one hour.</p>
  <input type="hidden" name="_csrf" value="{{FORM_TOKEN}}">
  <p><label for="who">Login or email</label>
  <input id="who" name="who" value="{{WHO}}" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus></p>
  <p><button type="submit">Send me a link</button></p>
  <p><a href="/admin/login">Back to sign-in</a></p>
</form>
{{/MAIL}}{{#NO_MAIL}}<section class="card narrow">
  <p>This site sends no email. Ask an administrator for a link to choose a new password.</p>
  <p><a href="/admin/login">Back to sign-in</a></p>
</section>
{{/NO_MAIL}}
