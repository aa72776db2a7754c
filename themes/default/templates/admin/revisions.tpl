{{%AUTOESCAPE context="HTML"}}<p><a href="/admin/articles/{{ID}}/edit">Back to the editor</a></p>
<ol class="revisions">
{{#REVISION}}<li id="revision-{{VERSION}}"><h2>Version {{VERSION}}{{#IS_CURRENT}} (current){{/IS_CURRENT}}</h2>
  <p>{{WHO}}, {{WHEN}}: “{{TITLE}}”</p>
  {{#CORRECTION}}<p class="correction-made"><strong>Correction note added:</strong> {{TEXT}}</p>{{/CORRECTION}}
  {{#DIFF}}<p class="help">Lines marked − are in this version and not in the current one; + the other way round.</p>
  <ol class="diff">{{#LINE}}<li class="{{CLASS}}"><span aria-hidden="true">{{MARK}}</span> {{TEXT}}</li>{{/LINE}}</ol>{{/DIFF}}
  {{#RESTORE}}<form method="post" action="/admin/articles/{{ID}}/revisions"><input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="revision" value="{{REVISION_ID}}"><button>Restore version {{VERSION}}</button></form>{{/RESTORE}}
</li>
{{/REVISION}}</ol>
