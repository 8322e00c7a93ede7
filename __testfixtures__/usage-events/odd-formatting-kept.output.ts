import express    from 'express'
import OpenAI from "openai"
import { billing } from '../lib/billing.js'

const router = express.Router()
const openai = new OpenAI( )

router.post('/chat', async (req: express.Request & { user?: { id: string } }, res) => {
    if (!req.user) return res.status( 401 ).end()
    if (!await allowed(req.user.id)) return res.status(403).end()
    const reply = await openai.chat.completions.create({
        model: 'gpt-4o-mini', messages: [ { role: 'user', content: req.body.prompt } ]
    })

    void billing.trackUsage({
        customer: { externalId: req.user.id },
        eventType: 'chat_completion',
        data: {
            total_tokens: reply.usage?.total_tokens,
            input_tokens: reply.usage?.prompt_tokens,
            output_tokens: reply.usage?.completion_tokens,
            model: reply.model,
        },
        subject: reply.id,
    })

    const   text = reply.choices[0]?.message?.content ?? ''  ;
    res.json( { text,
                model: reply.model } )   // answer
})

async function allowed(id: string) { return id !== '' }

export default router
